package io.civicdesk.sla;

import io.civicdesk.platform.Cached;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which promise a request falls under, and the calendars promises are counted on: the stored policies and
 * calendars, kept a few minutes per container, so a submission or a staff change pays for them once in a while.
 */
public final class ServiceLevels {
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final Cached<List<ServiceLevelPolicy>> policies;
    private final Function<String, Optional<BusinessCalendar>> calendars;
    private final Supplier<String> councilCalendarId;
    private final Clock clock;
    private final Map<String, Cached<BusinessCalendar>> kept = new ConcurrentHashMap<>();

    /**
     * @param councilCalendarId the calendar a policy without one of its own is counted on
     */
    public ServiceLevels(Supplier<List<ServiceLevelPolicy>> policies, Function<String, Optional<BusinessCalendar>> calendars,
                         Supplier<String> councilCalendarId, Clock clock) {
        this.policies = new Cached<>(policies, KEEP, clock);
        this.calendars = calendars;
        this.councilCalendarId = councilCalendarId;
        this.clock = clock;
    }

    public BusinessCalendar calendar(String calendarId) {
        return kept.computeIfAbsent(calendarId, id -> new Cached<>(() -> calendars.apply(id).orElseThrow(() ->
                new IllegalStateException("There is no business calendar " + id)), KEEP, clock)).get();
    }

    /** The council's own calendar. */
    public BusinessCalendar councilCalendar() {
        return calendar(councilCalendarId.get());
    }

    /** The calendar a request's service level is counted on. */
    public BusinessCalendar calendar(ServiceLevel level) {
        return calendar(level.calendarId());
    }

    /**
     * The policy for a service and priority: the first stored one in order that applies, else the service's own
     * promise in business days.
     */
    public ServiceLevelPolicy policyFor(String serviceId, String priority, int responseDays, int resolutionDays) {
        return ServiceLevelPolicy.choose(policies.get(), serviceId, priority).orElseGet(() ->
                ServiceLevelPolicy.ofServiceDays(serviceId, responseDays, resolutionDays, councilCalendar().ordinaryDay()));
    }

    /** A request arriving now under {@code policy}. */
    public ServiceLevel start(ServiceLevelPolicy policy, Instant at) {
        return ServiceLevel.started(policy, calendarFor(policy), at);
    }

    public BusinessCalendar calendarFor(ServiceLevelPolicy policy) {
        return policy.calendarId() == null ? councilCalendar() : calendar(policy.calendarId());
    }
}

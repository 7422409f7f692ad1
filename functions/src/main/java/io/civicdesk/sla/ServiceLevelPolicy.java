package io.civicdesk.sla;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The promise for a kind of request: first response and resolution targets in business time, how often the
 * resident must hear from us, and the points (shares of the target gone) at which officers are warned.
 * {@code serviceId} or {@code priority} null means "any". When several policies could apply, the lowest
 * {@code order} wins — an explicit order, never the name. {@code calendarId} names the calendar its time is
 * counted on (e.g. a round-the-clock one for hazards); null means the council's own. {@code keepInformed} null
 * means no reminders.
 */
public record ServiceLevelPolicy(String id, int order, String serviceId, String priority, Duration firstResponse,
                                 Duration resolution, Duration keepInformed, List<Integer> warningPercents,
                                 String calendarId) {

    public ServiceLevelPolicy {
        warningPercents = warningPercents.stream().sorted().toList();
        if (firstResponse.isNegative() || firstResponse.isZero() || resolution.compareTo(firstResponse) < 0) {
            throw new IllegalArgumentException("Policy " + id + ": resolution must be at least the first response, both above zero");
        }
        if (keepInformed != null && (keepInformed.isNegative() || keepInformed.isZero())) {
            throw new IllegalArgumentException("Policy " + id + ": the keep-informed interval must be above zero");
        }
        if (warningPercents.stream().anyMatch(percent -> percent <= 0 || percent >= 100)) {
            throw new IllegalArgumentException("Policy " + id + ": warnings are shares of the target between 1 and 99");
        }
    }

    /** How often a resident hears from us at the least, when their service's own promise is all that applies. */
    public static final int KEEP_INFORMED_DAYS = 5;

    /**
     * The promise a service makes in business days, as business time on a calendar whose ordinary day is
     * {@code day} long: the policy a request falls under when no stored policy applies. A promise of "the same
     * day" (0) is held to one business day.
     */
    public static ServiceLevelPolicy ofServiceDays(String serviceId, int responseDays, int resolutionDays, Duration day) {
        int response = Math.max(responseDays, 1);
        return new ServiceLevelPolicy("service:" + serviceId, Integer.MAX_VALUE, serviceId, null,
                day.multipliedBy(response), day.multipliedBy(Math.max(resolutionDays, response)),
                day.multipliedBy(KEEP_INFORMED_DAYS), List.of(75), null);
    }

    public boolean appliesTo(String service, String requestPriority) {
        return (serviceId == null || serviceId.equals(service)) && (priority == null || priority.equals(requestPriority));
    }

    /** The point in business time at which a warning falls due, for a target. */
    public Duration warningPoint(Duration target, int percent) {
        return target.multipliedBy(percent).dividedBy(100);
    }

    /** The policy for a request: the first in order that applies. */
    public static Optional<ServiceLevelPolicy> choose(List<ServiceLevelPolicy> policies, String serviceId, String priority) {
        requireDistinctOrders(policies);
        return policies.stream().sorted(Comparator.comparingInt(ServiceLevelPolicy::order))
                .filter(policy -> policy.appliesTo(serviceId, priority)).findFirst();
    }

    /** Two policies at the same place in the order would leave the choice to chance. */
    public static void requireDistinctOrders(List<ServiceLevelPolicy> policies) {
        Set<Integer> seen = new HashSet<>();
        for (ServiceLevelPolicy policy : policies) {
            if (!seen.add(policy.order())) {
                throw new IllegalArgumentException("Two policies share order " + policy.order() + "; give each its own place");
            }
        }
    }
}

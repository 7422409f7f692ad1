package io.civicdesk.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.OpeningSpan;
import io.civicdesk.sla.PublicHoliday;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administrators view and change the business calendars and the service-level policies. A request keeps a copy
 * of the policy applied to it, so a change here applies to requests from their arrival, never to one already in.
 */
public final class ServiceLevelAdmin {
    private final CatalogStore catalog;

    public ServiceLevelAdmin(CatalogStore catalog) {
        this.catalog = catalog;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CalendarView(String id, String timeZone, Map<String, List<String>> openingHours,
                               List<PublicHoliday> holidays) {
        static CalendarView of(BusinessCalendar calendar) {
            Map<String, List<String>> hours = new LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.put(ServiceLevelReader.dayName(day), calendar.openingHours().getOrDefault(day, List.of()).stream()
                        .map(OpeningSpan::toString).toList());
            }
            List<PublicHoliday> holidays = calendar.holidays().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(holiday -> new PublicHoliday(holiday.getKey(), holiday.getValue())).toList();
            return new CalendarView(calendar.id(), calendar.zone().getId(), hours, holidays);
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PolicyView(String id, int order, String serviceId, String priority, long firstResponseMinutes,
                             long resolutionMinutes, Long keepInformedMinutes, List<Integer> warningPercents,
                             String calendarId) {
        static PolicyView of(ServiceLevelPolicy policy) {
            return new PolicyView(policy.id(), policy.order(), policy.serviceId(), policy.priority(),
                    policy.firstResponse().toMinutes(), policy.resolution().toMinutes(),
                    policy.keepInformed() == null ? null : policy.keepInformed().toMinutes(), policy.warningPercents(),
                    policy.calendarId());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServiceLevelsView(String councilCalendarId, List<CalendarView> calendars, List<PolicyView> policies) {
    }

    /** The council's calendar and every calendar a policy uses, then every policy in order. */
    public ServiceLevelsView get(StaffCaller caller) {
        caller.requireAny(Role.ADMIN);
        String councilCalendarId = catalog.council().calendarId();
        List<ServiceLevelPolicy> policies = catalog.policies();
        Set<String> calendarIds = new LinkedHashSet<>();
        calendarIds.add(councilCalendarId);
        policies.stream().map(ServiceLevelPolicy::calendarId).filter(id -> id != null).forEach(calendarIds::add);
        List<CalendarView> calendars = calendarIds.stream().map(catalog::calendar).flatMap(Optional::stream)
                .map(CalendarView::of).toList();
        return new ServiceLevelsView(councilCalendarId, calendars, policies.stream().map(PolicyView::of).toList());
    }

    /** Creates or replaces a calendar whole. */
    public CalendarView putCalendar(StaffCaller caller, String calendarId, JsonNode body) {
        caller.requireAny(Role.ADMIN);
        Ids.require(calendarId, "calendarId", "calendar");
        BusinessCalendar calendar = ServiceLevelReader.calendar(calendarId, body);
        catalog.putCalendar(calendar);
        Log.info("calendar.changed", Map.of("calendarId", calendarId, "by", caller.id()));
        return CalendarView.of(calendar);
    }

    /** Adds a one-off holiday without resending the calendar (a holiday already on that date takes the new name). */
    public CalendarView addHoliday(StaffCaller caller, String calendarId, JsonNode body) {
        caller.requireAny(Role.ADMIN);
        Ids.require(calendarId, "calendarId", "calendar");
        PublicHoliday holiday = ServiceLevelReader.holiday(body);
        BusinessCalendar calendar = catalog.addHoliday(calendarId, holiday.date(), holiday.name())
                .orElseThrow(() -> Refusal.notFound("There is no calendar " + calendarId + "."));
        Log.info("calendar.holiday-added", Map.of("calendarId", calendarId, "date", holiday.date().toString(), "by", caller.id()));
        return CalendarView.of(calendar);
    }

    public CalendarView removeHoliday(StaffCaller caller, String calendarId, String dateText) {
        caller.requireAny(Role.ADMIN);
        Ids.require(calendarId, "calendarId", "calendar");
        LocalDate date = ServiceLevelReader.date(dateText);
        BusinessCalendar calendar = catalog.removeHoliday(calendarId, date)
                .orElseThrow(() -> Refusal.notFound("Calendar " + calendarId + " has no holiday on " + date + "."));
        Log.info("calendar.holiday-removed", Map.of("calendarId", calendarId, "date", date.toString(), "by", caller.id()));
        return CalendarView.of(calendar);
    }

    /**
     * Creates or replaces a policy. The service and calendar it names must exist, and its place in the order must
     * be its own: the order alone decides which policy a request falls under.
     */
    public PolicyView putPolicy(StaffCaller caller, String policyId, JsonNode body) {
        caller.requireAny(Role.ADMIN);
        Ids.require(policyId, "policyId", "policy");
        List<ServiceLevelPolicy> policies = catalog.policies();
        ServiceLevelPolicy policy = ServiceLevelReader.policy(policyId, body, new ServiceLevelReader.Catalogue() {
            @Override
            public boolean hasService(String serviceId) {
                return catalog.service(serviceId).isPresent();
            }

            @Override
            public boolean hasCalendar(String calendarId) {
                return catalog.calendar(calendarId).isPresent();
            }

            @Override
            public Optional<String> policyAt(int order, String otherThanPolicyId) {
                return policies.stream().filter(other -> other.order() == order && !other.id().equals(otherThanPolicyId))
                        .map(ServiceLevelPolicy::id).findFirst();
            }
        });
        Integer previousOrder = policies.stream().filter(other -> other.id().equals(policyId)).findFirst()
                .map(ServiceLevelPolicy::order).orElse(null);
        if (!catalog.savePolicy(policy, previousOrder)) {
            throw changedMeanwhile();
        }
        Log.info("policy.changed", Map.of("policyId", policyId, "order", policy.order(), "by", caller.id()));
        return PolicyView.of(policy);
    }

    public void deletePolicy(StaffCaller caller, String policyId) {
        caller.requireAny(Role.ADMIN);
        Ids.require(policyId, "policyId", "policy");
        ServiceLevelPolicy policy = catalog.policies().stream().filter(other -> other.id().equals(policyId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("There is no policy " + policyId + "."));
        if (!catalog.deletePolicy(policyId, policy.order())) {
            throw changedMeanwhile();
        }
        Log.info("policy.deleted", Map.of("policyId", policyId, "by", caller.id()));
    }

    private static Refusal changedMeanwhile() {
        return Refusal.conflict("Another administrator changed the policies at the same time. Reload the page and try again.");
    }
}

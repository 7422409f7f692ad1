package io.civicdesk.staff;

import io.civicdesk.catalog.ServiceLevelSettings;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.PublicHoliday;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.staff.ServiceLevelViews.CalendarView;
import io.civicdesk.staff.ServiceLevelViews.PolicyView;
import io.civicdesk.staff.ServiceLevelViews.ServiceLevelsView;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Administrators view and change the business calendars and the service-level policies. A request keeps a copy
 * of the policy applied to it, so a change here applies to requests from their arrival, never to one already in.
 */
public final class ServiceLevelAdmin {
    private final ServiceLevelSettings catalog;

    public ServiceLevelAdmin(ServiceLevelSettings catalog) {
        this.catalog = catalog;
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
    public CalendarView putCalendar(StaffCaller caller, BusinessCalendar calendar) {
        caller.requireAny(Role.ADMIN);
        catalog.putCalendar(calendar);
        Log.info("calendar.changed", Map.of("calendarId", calendar.id(), "by", caller.id()));
        return CalendarView.of(calendar);
    }

    /** Adds a one-off holiday without resending the calendar (a holiday already on that date takes the new name). */
    public CalendarView addHoliday(StaffCaller caller, String calendarId, PublicHoliday holiday) {
        caller.requireAny(Role.ADMIN);
        BusinessCalendar calendar = catalog.addHoliday(calendarId, holiday.date(), holiday.name())
                .orElseThrow(() -> Refusal.notFound("There is no calendar " + calendarId + "."));
        Log.info("calendar.holiday-added", Map.of("calendarId", calendarId, "date", holiday.date().toString(), "by", caller.id()));
        return CalendarView.of(calendar);
    }

    public CalendarView removeHoliday(StaffCaller caller, String calendarId, LocalDate date) {
        caller.requireAny(Role.ADMIN);
        BusinessCalendar calendar = catalog.removeHoliday(calendarId, date)
                .orElseThrow(() -> Refusal.notFound("Calendar " + calendarId + " has no holiday on " + date + "."));
        Log.info("calendar.holiday-removed", Map.of("calendarId", calendarId, "date", date.toString(), "by", caller.id()));
        return CalendarView.of(calendar);
    }

    /**
     * Creates or replaces a policy. The service and calendar it names must exist, and its place in the order must
     * be its own: the order alone decides which policy a request falls under. {@code read} reads the policy, checking
     * what it refers to against the catalogue as it is now.
     */
    public PolicyView putPolicy(StaffCaller caller, String policyId, Function<PolicyReferences, ServiceLevelPolicy> read) {
        caller.requireAny(Role.ADMIN);
        Ids.require(policyId, "policyId", "policy");
        List<ServiceLevelPolicy> policies = catalog.policies();
        ServiceLevelPolicy policy = read.apply(new PolicyReferences() {
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

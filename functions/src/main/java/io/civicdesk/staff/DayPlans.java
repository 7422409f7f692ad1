package io.civicdesk.staff;

import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.RequestView;
import io.civicdesk.requests.ServiceRequest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A day planned for an officer (docs/field.md): the open requests assigned to them, in the order to visit, as a
 * supervisor sets it. The officer reads their own ("My day" offers it as an order); supervisors and administrators
 * read and plan anyone's. A save is conditional on the version the supervisor saw.
 */
public final class DayPlans {
    /** More than a day's visits; a longer list is not a plan. */
    static final int MAX_VISITS = 60;

    private final DayPlanStore plans;
    private final RequestStore requests;
    private final Directory directory;
    private final Clock clock;

    public DayPlans(DayPlanStore plans, RequestStore requests, Directory directory, Clock clock) {
        this.plans = plans;
        this.requests = requests;
        this.directory = directory;
        this.clock = clock;
    }

    /** The new order, checked: what a supervisor sends. */
    public record Planned(List<Reference> references, long expectedVersion) {
    }

    public DayPlanView read(StaffCaller caller, String officerId, String date) {
        RequestActions.requireHandler(caller);
        Day day = day(officerId, date);
        if (!mayPlan(caller) && !caller.id().equals(day.officerId())) {
            throw Refusal.forbidden("Officers see the plan of their own day only.");
        }
        return view(day, plans.get(day.officerId(), day.date()));
    }

    public DayPlanView plan(StaffCaller caller, String officerId, String date, Planned planned) {
        caller.requireAny(Role.SUPERVISOR, Role.ADMIN);
        Day day = day(officerId, date);
        StaffMember officer = directory.member(day.officerId()).orElseThrow(() -> Refusal.notFound(
                "There is no member of staff " + day.officerId() + "."));
        requireAssigned(officer, planned.references());
        DayPlanStore.Stored plan = new DayPlanStore.Stored(officer.id(), day.date(),
                planned.references().stream().map(Reference::value).toList(), planned.expectedVersion() + 1,
                caller.id(), caller.name(), clock.instant());
        if (!plans.save(plan, planned.expectedVersion())) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("current", view(day, plans.get(day.officerId(), day.date())));
            throw new Refusal(Refusal.Kind.CONFLICT, "Someone else planned this day since you opened it. Nothing was saved: "
                    + "check their plan, then save yours again.", List.of(), details);
        }
        return view(day, Optional.of(plan));
    }

    private static boolean mayPlan(StaffCaller caller) {
        return caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN);
    }

    private record Day(String officerId, LocalDate date) {
    }

    private static Day day(String officerId, String date) {
        List<FieldError> errors = new ArrayList<>();
        String id = Ids.read(officerId, "staffId", "member of staff", errors);
        LocalDate day = DateInput.required(date, "date", "The date is a day from " + DateInput.YEARS + ", like 2026-12-02.", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Day(id, day);
    }

    /** Every request of the plan exists, is open and is the officer's: a plan is of their own work. */
    private void requireAssigned(StaffMember officer, List<Reference> references) {
        Map<Reference, ServiceRequest> found = requests.getAll(references).stream()
                .collect(Collectors.toMap(ServiceRequest::reference, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            ServiceRequest request = found.get(references.get(i));
            String field = "references[" + i + "]";
            if (request == null) {
                errors.add(new FieldError(field, "There is no request " + references.get(i).display() + "."));
            } else if (request.handling().finishedAt() != null) {
                errors.add(new FieldError(field, references.get(i).display() + " is finished: there is nothing to visit."));
            } else if (request.handling().assignee() == null || !officer.id().equals(request.handling().assignee().id())) {
                errors.add(new FieldError(field, references.get(i).display() + " is not assigned to " + officer.name() + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }

    private static DayPlanView view(Day day, Optional<DayPlanStore.Stored> stored) {
        return stored.map(plan -> new DayPlanView(plan.staffId(), plan.date(), plan.references(), plan.version(),
                        new RequestView.Named(plan.plannedById(), plan.plannedByName()), plan.plannedAt()))
                .orElse(new DayPlanView(day.officerId(), day.date(), List.of(), 0, null, null));
    }
}

package io.civicdesk.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DayPlan(String officerId, LocalDate date, List<String> references, long version,
                          RequestView.Named plannedBy, Instant plannedAt) {
    }

    /** The new order, checked: what a supervisor sends. */
    public record Planned(List<Reference> references, long expectedVersion) {
    }

    public DayPlan read(StaffCaller caller, String officerId, String date) {
        RequestActions.requireHandler(caller);
        Day day = day(officerId, date);
        if (!mayPlan(caller) && !caller.id().equals(day.officerId())) {
            throw Refusal.forbidden("Officers see the plan of their own day only.");
        }
        return view(day, plans.get(day.officerId(), day.date()));
    }

    public DayPlan plan(StaffCaller caller, String officerId, String date, JsonNode body) {
        caller.requireAny(Role.SUPERVISOR, Role.ADMIN);
        Day day = day(officerId, date);
        Planned planned = planned(body);
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

    /** Reads a plan's body; 400 naming each field that is wrong (references[2], expectedVersion). */
    static Planned planned(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("references");
        List<Reference> references = new ArrayList<>();
        if (list == null || !list.isArray()) {
            errors.add(new FieldError("references", "references is a list of the requests to visit, in order."));
        } else if (list.size() > MAX_VISITS) {
            errors.add(new FieldError("references", "A day holds at most " + MAX_VISITS + " visits."));
        } else {
            Set<Reference> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Optional<Reference> reference = list.get(i).isTextual() ? Reference.parse(list.get(i).asText()) : Optional.empty();
                if (reference.isEmpty()) {
                    errors.add(new FieldError("references[" + i + "]", "A reference is 8 letters and numbers, like K7MP-3QXR."));
                } else if (!seen.add(reference.get())) {
                    errors.add(new FieldError("references[" + i + "]", reference.get().display() + " is already in the plan."));
                } else {
                    references.add(reference.get());
                }
            }
        }
        JsonNode version = body == null ? null : body.get("expectedVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 0) {
            errors.add(new FieldError("expectedVersion", "expectedVersion is the plan's version as you read it (0 for a day not yet planned)."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Planned(references, version.asLong());
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

    private static DayPlan view(Day day, Optional<DayPlanStore.Stored> stored) {
        return stored.map(plan -> new DayPlan(plan.staffId(), plan.date(), plan.references(), plan.version(),
                        new RequestView.Named(plan.plannedById(), plan.plannedByName()), plan.plannedAt()))
                .orElse(new DayPlan(day.officerId(), day.date(), List.of(), 0, null, null));
    }
}

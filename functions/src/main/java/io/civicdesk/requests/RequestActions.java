package io.civicdesk.requests;

import io.civicdesk.catalog.Units;
import io.civicdesk.platform.Write;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.catalog.Unit;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.requests.HistoryEntry.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Handling a request: what staff see of it, and each change they make — checked against the caller's role
 * and unit, the request's current version and its service's workflow, then saved as one transaction with its
 * history entry, public update and mail, or not at all.
 */
public final class RequestActions {
    private static final int ATTEMPTS = 3;

    private final Requests requests;
    private final Transactions transactions;
    private final OutboxStore outbox;
    private final WorkflowStore workflows;
    private final StaffDirectory directory;
    private final Units units;
    private final Clock clock;
    private final String portalUrl;
    private final Supplier<String> mailIds;
    private final OnResolved onResolved;
    private final RequestFigures figures;
    private final Timing timing;

    /**
     * What other capabilities write when a request becomes resolved, in the same transaction as the change (the
     * survey after service: {@code SurveyInvitations.onResolved}).
     */
    @FunctionalInterface
    public interface OnResolved {
        OnResolved NOTHING = (request, now) -> List.of();

        List<Write> writes(ServiceRequest resolved, Instant now);
    }

    /**
     * Each change is committed through {@code transactions} with its mail (in the {@code outbox}), what it adds to
     * the {@code figures}, and what other capabilities write when it resolves the request ({@code onResolved}).
     */
    public RequestActions(Requests requests, WorkflowStore workflows, StaffDirectory directory, Units units,
                          Transactions transactions, OutboxStore outbox, RequestFigures figures, OnResolved onResolved,
                          Clock clock, String portalUrl) {
        this.requests = requests;
        this.workflows = workflows;
        this.directory = directory;
        this.units = units;
        this.transactions = transactions;
        this.outbox = outbox;
        this.figures = figures;
        this.onResolved = onResolved;
        this.clock = clock;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.mailIds = () -> UUID.randomUUID().toString();
        this.timing = new Timing(units.serviceLevels());
    }

    /** Staff who may read and handle requests at all. */
    public static StaffCaller requireHandler(StaffCaller caller) {
        return caller.requireAny(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
    }

    /** The staff page of a request; any officer may read any unit's requests (the counter answers for all). */
    public RequestView view(StaffCaller caller, Reference reference) {
        requireHandler(caller);
        RequestRecord record = load(reference);
        return view(caller, record, workflows.forService(record.request().serviceId()));
    }

    private RequestView view(StaffCaller caller, RequestRecord record, Workflow workflow) {
        String unitId = record.request().unitId();
        return RequestView.of(record, workflow, units.name(unitId), mayAct(caller, unitId), clock.instant());
    }

    private static boolean mayAct(StaffCaller caller, String unitId) {
        try {
            caller.requireUnit(unitId);
            return true;
        } catch (Refusal e) {
            return false;
        }
    }

    private RequestRecord load(Reference reference) {
        return requests.findWithHistory(reference).orElseThrow(() -> Refusal.notFound(
                "There is no request with the reference " + reference.display() + "."));
    }

    /** Applies one action; the request as it is after it. */
    public RequestView act(StaffCaller caller, Reference reference, StaffAction action) {
        requireHandler(caller);
        for (int attempt = 1; ; attempt++) {
            RequestRecord record = load(reference);
            ServiceRequest request = record.request();
            caller.requireUnit(request.unitId());
            Workflow workflow = workflows.forService(request.serviceId());
            if (request.version() != action.expectedVersion()) {
                throw stale(caller, record, workflow);
            }
            Change change = change(caller, request, workflow, action);
            try {
                transactions.commit(writes(request, change));
            } catch (Refused refused) {
                // Another request of the change (a duplicate's original) moved on: read both again and retry.
                boolean originalMoved = change.writes().stream().skip(1)
                        .anyMatch(write -> refused.failed(Requests.version(write.after().reference())));
                if (refused.failed(Requests.version(reference)) || (originalMoved && attempt >= ATTEMPTS)) {
                    throw stale(caller, load(reference), workflow);
                }
                if (attempt >= ATTEMPTS) {
                    throw new Refusal(Refusal.Kind.UNAVAILABLE, "The request is busy. Try again in a moment.");
                }
                continue;
            }
            Log.info("request.changed", Map.of("reference", reference.value(), "action", action.action(),
                    "version", change.writes().get(0).after().version()));
            RequestChange own = change.writes().get(0);
            List<HistoryEntry> history = new ArrayList<>(record.history());
            history.addAll(own.history());
            List<PublicUpdate> updates = new ArrayList<>(record.updates());
            updates.addAll(own.updates());
            return view(caller, new RequestRecord(own.after(), history, updates), workflow);
        }
    }

    /**
     * Every write of this change: the requests' own, their mail, what it adds to the figures, and what the survey
     * writes when it resolves the request (not when it stays resolved).
     */
    private List<Write> writes(ServiceRequest before, Change change) {
        List<Write> writes = new ArrayList<>();
        change.writes().forEach(write -> writes.addAll(requests.changed(write)));
        change.mails().forEach(mail -> writes.add(outbox.pending("mail", mail, change.at())));
        ServiceRequest after = change.writes().get(0).after();
        writes.addAll(figures.changed(before, after, change.at()));
        if (Workflow.RESOLVED.equals(after.status()) && !Workflow.RESOLVED.equals(before.status())) {
            writes.addAll(onResolved.writes(after, change.at()));
        }
        return writes;
    }

    private Refusal stale(StaffCaller caller, RequestRecord current, Workflow workflow) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("current", view(caller, current, workflow));
        return new Refusal(Refusal.Kind.CONFLICT, "Someone else changed this request since you opened it (it is now at version "
                + current.request().version() + "). Nothing was saved: check what changed, then try again.", List.of(), details);
    }

    private Refusal notAllowed(StaffCaller caller, ServiceRequest request, Workflow workflow, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("allowedNextStatuses", allowedNextStatuses(request, workflow).stream().map(WorkflowStatus::id).toList());
        details.put("current", view(caller, load(request.reference()), workflow));
        return new Refusal(Refusal.Kind.CONFLICT, message, List.of(), details);
    }

    /** A change ready to save: the requests it writes (this one first), its mail, and when it happened. */
    private record Change(List<RequestChange> writes, List<Mail> mails, Instant at) {
    }

    private Change change(StaffCaller caller, ServiceRequest request, Workflow workflow, StaffAction action) {
        Instant now = clock.instant();
        Actor by = new Actor(caller.id(), caller.name());
        List<String> allowed = allowedActions(request, workflow);
        if (!allowed.contains(action.action())) {
            throw notAllowed(caller, request, workflow, whyNot(request, workflow, action.action()));
        }
        return switch (action.action()) {
            case "acknowledge" -> statusChange(caller, request, workflow, action, Workflow.ACKNOWLEDGED, "acknowledge", null, now, by);
            case "status" -> statusChange(caller, request, workflow, action, action.status(), "status", null, now, by);
            case "resolve" -> statusChange(caller, request, workflow, action, Workflow.RESOLVED, "resolve", action.resolution(), now, by);
            case "close" -> statusChange(caller, request, workflow, action, Workflow.CLOSED, "close", null, now, by);
            case "reopen" -> statusChange(caller, request, workflow, action, reopenTarget(caller, request, workflow, action), "reopen", null, now, by);
            case "message" -> publicMessage(request, workflow, action, now, by);
            case "note" -> single(request, request.changed(request.status(), request.unitId(), request.handling()),
                    entry(request, now, by, "note", null, null, null, action.note(), null), null, List.of(), now);
            case "priority" -> priority(caller, request, workflow, action, now, by);
            case "assign" -> assign(caller, request, workflow, action, now, by);
            case "duplicate" -> duplicate(request, workflow, action, now, by);
            default -> throw new IllegalStateException(action.action());
        };
    }

    private String reopenTarget(StaffCaller caller, ServiceRequest request, Workflow workflow, StaffAction action) {
        if (action.status() != null) {
            if (workflow.isFinal(action.status())) {
                throw notAllowed(caller, request, workflow, "Reopening moves a request back to work: choose a status that is not final.");
            }
            return action.status();
        }
        return allowedNextStatuses(request, workflow).stream().filter(status -> !status.isFinal())
                .map(WorkflowStatus::id).findFirst().orElseThrow();
    }

    private Change statusChange(StaffCaller caller, ServiceRequest request, Workflow workflow, StaffAction action,
                                String to, String name, String resolution, Instant now, Actor by) {
        if (workflow.status(to).isEmpty()) {
            throw Refusal.invalid("status", "There is no status " + to + " in the workflow of "
                    + request.serviceName() + ". Its statuses: " + String.join(", ",
                    workflow.statuses().stream().map(WorkflowStatus::id).toList()) + ".");
        }
        if (!workflow.allows(request.status(), to)) {
            throw notAllowed(caller, request, workflow, "A request cannot move from " + request.status() + " to " + to
                    + ". From " + request.status() + " it can move to: " + allowedList(request, workflow) + ".");
        }
        if (name.equals("status") && workflow.isFinal(request.status()) && !workflow.isFinal(to)) {
            name = "reopen";
        }
        Handling handling = request.handling();
        boolean finalNow = workflow.isFinal(to);
        Instant finishedAt = finalNow ? (handling.finishedAt() != null ? handling.finishedAt() : now) : null;
        Instant resolvedAt = finalNow ? (to.equals(Workflow.RESOLVED) ? now : handling.resolvedAt()) : null;
        Instant closedAt = finalNow ? (to.equals(Workflow.CLOSED) ? now : handling.closedAt()) : null;
        String resolutionText = finalNow ? (resolution != null ? resolution : handling.resolution()) : null;
        handling = handling.withProgress(finishedAt, workflow.pausesClock(to), resolvedAt, closedAt, resolutionText);
        if (handling.acknowledgedAt() == null && !to.equals(Workflow.RECEIVED)) {
            handling = handling.withAcknowledgedAt(now);
        }
        ServiceRequest after = request.changed(to, request.unitId(), handling);
        String message = resolution != null ? resolution : action.publicMessage();
        Map<String, String> before = Map.of("status", request.status());
        Map<String, String> afterValues = Map.of("status", to);
        return single(request, after, entry(request, now, by, name, before, afterValues, message, action.note(),
                message == null ? null : Intake.delivery(request.preferredChannel())), message, followersOf(request), now,
                workflow.label(to));
    }

    private Change publicMessage(ServiceRequest request, Workflow workflow, StaffAction action, Instant now, Actor by) {
        ServiceRequest after = request.changed(request.status(), request.unitId(), request.handling());
        return single(request, after, entry(request, now, by, "message", null, null, action.publicMessage(), null,
                Intake.delivery(request.preferredChannel())), action.publicMessage(), followersOf(request), now,
                workflow.label(request.status()));
    }

    private Change priority(StaffCaller caller, ServiceRequest request, Workflow workflow, StaffAction action, Instant now, Actor by) {
        if (action.priority() == request.handling().priority()) {
            throw notAllowed(caller, request, workflow, "It is already " + action.priority().wireName() + " priority.");
        }
        ServiceRequest after = timing.repriced(request.changed(request.status(), request.unitId(),
                request.handling().withPriority(action.priority())), units.service(request.serviceId()), now);
        return single(request, after, entry(request, now, by, "priority",
                Map.of("priority", request.handling().priority().wireName()), Map.of("priority", action.priority().wireName()),
                null, action.note(), null), null, List.of(), now);
    }

    private Change assign(StaffCaller caller, ServiceRequest request, Workflow workflow, StaffAction action, Instant now, Actor by) {
        String unitId = action.unitId() == null ? request.unitId() : action.unitId();
        if (units.unit(unitId).isEmpty()) {
            throw Refusal.invalid("unitId", "There is no unit " + unitId + ". Units: "
                    + String.join(", ", units.all().stream().map(Unit::id).toList()) + ".");
        }
        boolean referral = !unitId.equals(request.unitId());
        Actor assignee = referral ? null : request.handling().assignee();
        if (action.officerId() != null) {
            StaffMember member = directory.member(action.officerId()).orElseThrow(() -> Refusal.invalid("officerId",
                    "There is no member of staff " + action.officerId() + "."));
            if (!member.enabled()) {
                throw Refusal.invalid("officerId", member.name() + " no longer works here. Assign it to someone who does.");
            }
            if (!unitId.equals(member.unitId())) {
                String where = member.unitId() == null ? "across units" : "in " + unitName(member.unitId());
                throw Refusal.invalid("officerId", member.name() + " works " + where + ", not in " + unitName(unitId)
                        + ". Assign it to an officer of " + unitName(unitId) + (referral ? "." : ", or refer it to their unit."));
            }
            assignee = new Actor(member.id(), member.name());
        } else if (action.officerIdGiven()) {
            assignee = null;
        }
        Actor current = request.handling().assignee();
        if (!referral && Objects.equals(current == null ? null : current.id(), assignee == null ? null : assignee.id())) {
            throw notAllowed(caller, request, workflow, assignee == null ? "It is not assigned to anyone."
                    : "It is already assigned to " + assignee.name() + ".");
        }
        ServiceRequest after = request.changed(request.status(), unitId, request.handling().withAssignee(assignee));
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> afterValues = new LinkedHashMap<>();
        if (referral) {
            before.put("unit", request.unitId());
            afterValues.put("unit", unitId);
        }
        before.put("assigneeId", current == null ? null : current.id());
        before.put("assignee", current == null ? null : current.name());
        afterValues.put("assigneeId", assignee == null ? null : assignee.id());
        afterValues.put("assignee", assignee == null ? null : assignee.name());
        return single(request, after, entry(request, now, by, referral ? "refer" : "assign", before, afterValues,
                null, action.note(), null), null, List.of(), now);
    }

    private Change duplicate(ServiceRequest request, Workflow workflow, StaffAction action, Instant now, Actor by) {
        Reference originalReference = action.originalReference();
        if (originalReference.equals(request.reference())) {
            throw Refusal.invalid("originalReference", "A request cannot be a duplicate of itself.");
        }
        ServiceRequest original = requests.get(originalReference).orElseThrow(() -> Refusal.invalid(
                "originalReference", "There is no request with the reference " + originalReference.display() + "."));
        Reference originalsOriginal = original.handling().duplicateOf();
        if (originalsOriginal != null) {
            throw Refusal.invalid("originalReference", originalsOriginal.equals(request.reference())
                    ? originalReference.display() + " is already a duplicate of this request: linking back would make a cycle."
                    : originalReference.display() + " is itself a duplicate of " + originalsOriginal.display()
                    + ". Link this request to " + originalsOriginal.display() + " instead.");
        }
        if (!workflow.allows(request.status(), Workflow.CLOSED)) {
            throw Refusal.invalid("originalReference", "A duplicate is closed, and this request cannot be closed from "
                    + request.status() + ".");
        }
        String tracking = trackingLink(original.reference());
        String message = (action.publicMessage() == null
                ? "Someone has already reported this problem, so we have joined your report to theirs."
                : action.publicMessage())
                + " Follow its progress with the reference " + original.reference().display() + ": " + tracking;
        Handling handling = request.handling();
        if (handling.acknowledgedAt() == null) {
            handling = handling.withAcknowledgedAt(now);
        }
        handling = handling.withProgress(now, false, null, now, null).withDuplicateOf(original.reference())
                .withFollowers(List.of());
        ServiceRequest after = timing.moved(request.changed(Workflow.CLOSED, request.unitId(), handling), now, true);
        Map<String, String> before = new LinkedHashMap<>();
        before.put("status", request.status());
        before.put("duplicateOf", null);
        HistoryEntry entry = entry(request, now, by, "duplicate", before,
                Map.of("status", Workflow.CLOSED, "duplicateOf", original.reference().value()), message, action.note(),
                Intake.delivery(request.preferredChannel()));
        // The original gains this request's resident as a follower, and any it had.
        List<Follower> followers = new ArrayList<>(original.handling().followers());
        followers.add(new Follower(request.reference(), request.contact().email(), request.preferredChannel()));
        followers.addAll(request.handling().followers());
        ServiceRequest originalAfter = original.changed(original.status(), original.unitId(),
                original.handling().withFollowers(followers));
        HistoryEntry linked = new HistoryEntry(originalAfter.version(), 0, now, by, "duplicate-linked", null,
                Map.of("duplicate", request.reference().value()), null, null, Visibility.INTERNAL, null);
        List<Mail> mails = new ArrayList<>();
        if (request.preferredChannel() == PreferredChannel.EMAIL && request.contact().email() != null) {
            mails.add(UpdateMail.compose(mailIds.get(), request.contact().email(), councilName(), after,
                    workflow.label(Workflow.CLOSED), message, trackingLink(request.reference()), null));
        }
        return new Change(List.of(
                new RequestChange(after, request.version(), List.of(entry), List.of(new PublicUpdate(now, Workflow.CLOSED, message))),
                new RequestChange(originalAfter, original.version(), List.of(linked), List.of())), mails, now);
    }

    /** A change to this request alone; a public message adds a public update and mails whoever follows by email. */
    private Change single(ServiceRequest request, ServiceRequest after, HistoryEntry entry, String publicMessage,
                          List<Follower> followers, Instant now) {
        return single(request, after, entry, publicMessage, followers, now, io.civicdesk.requests.RequestStatus.label(after.status()));
    }

    private Change single(ServiceRequest request, ServiceRequest changed, HistoryEntry entry, String publicMessage,
                          List<Follower> followers, Instant now, String label) {
        ServiceRequest after = timing.moved(changed, now, publicMessage != null);
        List<PublicUpdate> updates = new ArrayList<>();
        List<Mail> mails = new ArrayList<>();
        if (publicMessage != null) {
            updates.add(new PublicUpdate(now, after.status(), publicMessage));
            if (after.preferredChannel() == PreferredChannel.EMAIL && after.contact().email() != null) {
                mails.add(UpdateMail.compose(mailIds.get(), after.contact().email(), councilName(), after, label,
                        publicMessage, trackingLink(after.reference()), null));
            }
            for (Follower follower : followers) {
                if (follower.preferredChannel() == PreferredChannel.EMAIL && follower.email() != null) {
                    mails.add(UpdateMail.compose(mailIds.get(), follower.email(), councilName(), after, label,
                            publicMessage, trackingLink(after.reference()), follower.reference().display()));
                }
            }
        }
        return new Change(List.of(new RequestChange(after, request.version(), List.of(entry), updates)), mails, now);
    }

    private static List<Follower> followersOf(ServiceRequest request) {
        return request.handling().followers();
    }

    private static HistoryEntry entry(ServiceRequest request, Instant now, Actor by, String action,
                                      Map<String, String> before, Map<String, String> after, String publicMessage,
                                      String note, String delivery) {
        return new HistoryEntry(request.version() + 1, 0, now, by, action, before, after, publicMessage, note,
                publicMessage == null ? Visibility.INTERNAL : Visibility.PUBLIC, publicMessage == null ? null : delivery);
    }

    private String trackingLink(Reference reference) {
        return portalUrl + "/track.html?ref=" + reference.value();
    }

    private String councilName() {
        return units.council().name();
    }

    private String unitName(String unitId) {
        return units.name(unitId);
    }

    private static String allowedList(ServiceRequest request, Workflow workflow) {
        List<String> ids = allowedNextStatuses(request, workflow).stream().map(WorkflowStatus::id).toList();
        return ids.isEmpty() ? "nothing" : String.join(", ", ids);
    }

    private static String whyNot(ServiceRequest request, Workflow workflow, String action) {
        if (request.handling().duplicateOf() != null) {
            return "This request was closed as a duplicate of " + request.handling().duplicateOf().display()
                    + ": work on that one. Only notes and public messages can be added here.";
        }
        boolean finished = request.handling().finishedAt() != null;
        return switch (action) {
            case "reopen" -> finished ? "The workflow does not allow reopening it from " + request.status() + "."
                    : "It is not finished, so there is nothing to reopen. From " + request.status()
                    + " it can move to: " + allowedList(request, workflow) + ".";
            case "acknowledge" -> request.handling().acknowledgedAt() != null
                    ? "It has already been acknowledged. From " + request.status() + " it can move to: " + allowedList(request, workflow) + "."
                    : "It cannot be acknowledged from " + request.status() + ". From " + request.status()
                    + " it can move to: " + allowedList(request, workflow) + ".";
            default -> finished
                    ? "It is " + workflow.label(request.status()).toLowerCase(java.util.Locale.ROOT) + ": reopen it first. From "
                    + request.status() + " it can move to: " + allowedList(request, workflow) + "."
                    : "The workflow does not allow " + action + " from " + request.status() + ". From " + request.status()
                    + " it can move to: " + allowedList(request, workflow) + ".";
        };
    }

    /** The statuses the request may move to now. A duplicate stays closed. */
    static List<WorkflowStatus> allowedNextStatuses(ServiceRequest request, Workflow workflow) {
        if (request.handling().duplicateOf() != null) {
            return List.of();
        }
        return workflow.allowedFrom(request.status());
    }

    /** The actions the request's state and workflow allow now (the caller's unit aside). */
    static List<String> allowedActions(ServiceRequest request, Workflow workflow) {
        List<String> actions = new ArrayList<>();
        if (request.handling().duplicateOf() != null) {
            return List.of("message", "note");
        }
        String status = request.status();
        boolean finished = request.handling().finishedAt() != null;
        List<WorkflowStatus> next = allowedNextStatuses(request, workflow);
        if (!finished && request.handling().acknowledgedAt() == null && workflow.allows(status, Workflow.ACKNOWLEDGED)) {
            actions.add("acknowledge");
        }
        if (!finished) {
            actions.add("assign");
        }
        if (!next.isEmpty()) {
            actions.add("status");
        }
        actions.add("message");
        actions.add("note");
        if (!finished) {
            actions.add("priority");
            if (workflow.allows(status, Workflow.CLOSED)) {
                actions.add("duplicate");
            }
            if (workflow.allows(status, Workflow.RESOLVED)) {
                actions.add("resolve");
            }
            if (workflow.allows(status, Workflow.CLOSED)) {
                actions.add("close");
            }
        } else if (next.stream().anyMatch(s -> !s.isFinal())) {
            actions.add("reopen");
        }
        if (finished && workflow.allows(status, Workflow.CLOSED)) {
            actions.add("close");
        }
        return actions;
    }
}

package io.civicdesk.requests;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.ReferralTargets;
import io.civicdesk.catalog.Units;
import io.civicdesk.directory.Directory;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Handling a request: what staff see of it, and each change they make — checked against the caller's role
 * and unit, the request's current version and its service's workflow, then saved as one transaction with its
 * history entry, public update and mail, or not at all. Each family of actions drafts its own change
 * ({@link Progress}, {@link Assignment}, {@link Messages}, {@link Duplicates}, {@link Referrals}); this class reads,
 * checks and commits.
 */
public final class RequestActions {
    private static final int ATTEMPTS = 3;

    private final Requests requests;
    private final Workflows workflows;
    private final Units units;
    private final Transactions transactions;
    private final ChangeWrites writes;
    private final Clock clock;
    private final Progress progress;
    private final Assignment assignment;
    private final Messages messages;
    private final Duplicates duplicates;
    private final Referrals referrals;
    private final StaffReadAudit audit;
    private final IdempotentCommand.Answers answers;

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
     * the {@code figures}, and what other capabilities write when it resolves the request ({@code onResolved});
     * each staff read of a request, which shows the resident's details, is written down by the {@code audit}; the
     * first answer to a change sent with an idempotency key (a phone's queued change) is kept in {@code answers}; a
     * change of priority asks the request's agency's agreement ({@code agreed}) for its new targets; a referral to
     * another unit is timed by the agreement between the units ({@code referralTargets}), written to the requests
     * table ({@code requestsTable}) and counted in the {@code figures}.
     */
    public RequestActions(Requests requests, Workflows workflows, Directory directory, Units units,
                          Transactions transactions, OutboxStore outbox, RequestFigures figures, OnResolved onResolved,
                          Clock clock, String portalUrl, StaffReadAudit audit, IdempotentCommand.Answers answers,
                          AgreedTargets agreed, Supplier<ReferralTargets> referralTargets, String requestsTable) {
        this.requests = requests;
        this.answers = answers;
        this.audit = audit;
        this.workflows = workflows;
        this.units = units;
        this.transactions = transactions;
        this.writes = new ChangeWrites(requests, outbox, figures, onResolved);
        this.clock = clock;
        Changes changes = new Changes(new Timing(units.serviceLevels(), agreed), units, () -> UUID.randomUUID().toString(), portalUrl);
        this.progress = new Progress(changes);
        this.assignment = new Assignment(changes, directory, units);
        this.messages = new Messages(changes);
        this.duplicates = new Duplicates(changes, requests);
        this.referrals = new Referrals(changes, units, referralTargets, new ReferralStore(requestsTable), figures);
    }

    /** Staff who may read and handle requests at all. */
    public static StaffCaller requireHandler(StaffCaller caller) {
        return caller.requireAny(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
    }

    /** The staff page of a request; any officer may read any unit's requests (the counter answers for all). */
    public RequestView view(StaffCaller caller, Reference reference) {
        requireHandler(caller);
        RequestRecord record = load(reference);
        RequestView view = view(caller, record, workflows.forService(record.request().serviceId()));
        audit.shown(caller, "request", List.of(reference.value()));
        return view;
    }

    private RequestView view(StaffCaller caller, RequestRecord record, Workflow workflow) {
        String unitId = record.request().unitId();
        return RequestView.of(record, workflow, units.name(unitId), mayAct(caller, unitId),
                Referrals.allowed(caller, record.request(), Referrals.pending(record)), clock.instant());
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
        return act(caller, reference, action, Optional.empty());
    }

    /**
     * Applies one action once per idempotency key: a phone that sent a queued change and lost the answer sends it
     * again with the same key and is given the first answer, not a conflict with its own change. The key's answer
     * is written in the change's own transaction, so a change and its answer land together or not at all.
     */
    public Idempotency.Answer actOnce(StaffCaller caller, Reference reference, StaffAction action, Optional<Idempotency.Key> key) {
        requireHandler(caller);
        Optional<Idempotency.Answer> first = key.flatMap(answers::replay);
        if (first.isPresent()) {
            return first.get();
        }
        try {
            return new Idempotency.Answer(200, Json.write(act(caller, reference, action, key)));
        } catch (Refusal refusal) {
            // The same change, sent twice at once: the other try landed first and moved the version on.
            if (refusal.kind() == Refusal.Kind.CONFLICT) {
                Optional<Idempotency.Answer> landed = key.flatMap(answers::replay);
                if (landed.isPresent()) {
                    return landed.get();
                }
            }
            throw refusal;
        }
    }

    private RequestView act(StaffCaller caller, Reference reference, StaffAction action, Optional<Idempotency.Key> key) {
        requireHandler(caller);
        for (int attempt = 1; ; attempt++) {
            RequestRecord record = load(reference);
            ServiceRequest request = record.request();
            Optional<Referral> pending = Referrals.pending(record);
            caller.requireUnit(Referrals.actingUnit(action.kind(), request, pending));
            Workflow workflow = workflows.forService(request.serviceId());
            if (request.version() != action.expectedVersion()) {
                throw stale(caller, record, workflow);
            }
            Change change = change(new Acting(caller, request, workflow, action, clock.instant(),
                    message -> notAllowed(caller, request, workflow, message)), pending);
            RequestChange own = change.own();
            List<HistoryEntry> history = new ArrayList<>(record.history());
            history.addAll(own.history());
            List<PublicUpdate> updates = new ArrayList<>(record.updates());
            updates.addAll(own.updates());
            RequestView after = view(caller, new RequestRecord(own.after(), history, updates,
                    change.referralsAfter(record.referrals())), workflow);
            List<Write> all = new ArrayList<>(writes.of(request, change));
            key.ifPresent(k -> all.add(answers.remember(k, new Idempotency.Answer(200, Json.write(after)), clock.instant())));
            try {
                transactions.commit(all);
            } catch (Refused refused) {
                // Another request of the change (a duplicate's original) moved on: read both again and retry.
                boolean originalMoved = change.writes().stream().skip(1)
                        .anyMatch(write -> refused.failed(Requests.version(write.after().reference())));
                if (refused.failed(Requests.version(reference)) || refused.failed(IdempotentCommand.IDEMPOTENCY)
                        || (originalMoved && attempt >= ATTEMPTS)) {
                    throw stale(caller, load(reference), workflow);
                }
                if (attempt >= ATTEMPTS) {
                    throw new Refusal(Refusal.Kind.UNAVAILABLE, "The request is busy. Try again in a moment.");
                }
                continue;
            }
            Log.info("request.changed", Map.of("reference", reference.value(), "action", action.kind().wireName(),
                    "version", own.after().version()));
            return after;
        }
    }

    /** The change the action makes, if the request's state and workflow allow that action now. */
    private Change change(Acting acting, Optional<Referral> pending) {
        StaffAction.Kind kind = acting.action().kind();
        if (kind == StaffAction.Kind.REFER || kind == StaffAction.Kind.ACCEPT_REFERRAL || kind == StaffAction.Kind.SEND_BACK) {
            return referrals.change(acting, pending);
        }
        // Moving it to another unit outright while a referral waits would leave the referral answering for nothing.
        if (kind == StaffAction.Kind.ASSIGN && pending.isPresent() && acting.action().unitId() != null
                && !acting.action().unitId().equals(acting.request().unitId())) {
            throw acting.notAllowed("It is referred to " + pending.get().toUnitName() + ", who have not answered yet.");
        }
        if (!NextSteps.actions(acting.request(), acting.workflow()).contains(kind)) {
            throw acting.notAllowed(NextSteps.whyNot(acting.request(), acting.workflow(), kind));
        }
        return switch (kind) {
            case ACKNOWLEDGE -> progress.acknowledge(acting);
            case STATUS -> progress.status(acting);
            case RESOLVE -> progress.resolve(acting);
            case CLOSE -> progress.close(acting);
            case REOPEN -> progress.reopen(acting);
            case ASSIGN -> assignment.assign(acting);
            case PRIORITY -> assignment.priority(acting);
            case NOTE -> messages.note(acting);
            case MESSAGE -> messages.message(acting);
            case DUPLICATE -> duplicates.duplicate(acting);
            case REFER, ACCEPT_REFERRAL, SEND_BACK -> throw new IllegalStateException("answered above");
        };
    }

    private Refusal stale(StaffCaller caller, RequestRecord current, Workflow workflow) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("current", view(caller, current, workflow));
        return new Refusal(Refusal.Kind.CONFLICT, "Someone else changed this request since you opened it (it is now at version "
                + current.request().version() + "). Nothing was saved: check what changed, then try again.", List.of(), details);
    }

    private Refusal notAllowed(StaffCaller caller, ServiceRequest request, Workflow workflow, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("allowedNextStatuses", NextSteps.statuses(request, workflow).stream().map(WorkflowStatus::id).toList());
        details.put("current", view(caller, load(request.reference()), workflow));
        return new Refusal(Refusal.Kind.CONFLICT, message, List.of(), details);
    }
}

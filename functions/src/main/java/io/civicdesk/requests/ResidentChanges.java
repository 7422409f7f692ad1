package io.civicdesk.requests;

import io.civicdesk.notify.Outgoing;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.HistoryEntry.Visibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes a resident (or a follower) makes to a request without signing in, each saved once per idempotency key:
 * the request is read afresh on every try, the change is drafted from it and written on its version with its
 * history entry and mail ({@link ChangeWrites}); a request that moved on meanwhile is read and drafted again.
 */
final class ResidentChanges {
    /** What a change does to the request as just read: its change (or none) and its answer. */
    @FunctionalInterface
    interface Draft {
        Drafted draft(ServiceRequest request, Instant now);
    }

    /** @param change null when there is nothing to write but the answer (and any mail) */
    record Drafted(Change change, List<? extends Outgoing> mailsOnly, ResidentReceipt answer, int status) {
    }

    private final Requests requests;
    private final ChangeWrites writes;
    private final IdempotentCommand command;
    private final OutboxStore outbox;

    ResidentChanges(Requests requests, ChangeWrites writes, IdempotentCommand command, OutboxStore outbox) {
        this.requests = requests;
        this.writes = writes;
        this.command = command;
        this.outbox = outbox;
    }

    Idempotency.Answer run(Reference reference, Optional<Idempotency.Key> key, Draft draft) {
        return command.run(key, now -> {
            ServiceRequest request = requests.get(reference).orElseThrow(() -> Refusal.notFound(
                    "We could not find a request with the reference " + reference.display() + "."));
            Drafted drafted = draft.draft(request, now);
            List<Write> all = new ArrayList<>();
            if (drafted.change() != null) {
                all.addAll(writes.of(request, drafted.change()));
            }
            drafted.mailsOnly().forEach(mail -> all.add(outbox.pending("mail", mail, now)));
            Change change = drafted.change();
            return IdempotentCommand.Prepared.of(new Idempotency.Answer(drafted.status(), Json.write(drafted.answer())), all)
                    .drawnAfresh(Requests.version(reference)).afterCommit(() -> {
                        if (change != null) {
                            Log.info("request.changed", Map.of("reference", reference.value(),
                                    "action", change.own().history().get(0).action(), "version", change.own().after().version()));
                        }
                    });
        });
    }

    /** The private link's secret must match: it alone shows the resident is the one who reported. */
    static void requireResident(ServiceRequest request, String secret) {
        if (!Hashes.matches(secret, request.secretHash())) {
            throw Refusal.forbidden("Open this request from the private link in your confirmation email to write to us about it.");
        }
    }

    /** The history entry of a change the resident or a follower made: staff see it, the public never. */
    static HistoryEntry entry(ServiceRequest request, Instant now, String action, Map<String, String> before,
                              Map<String, String> after, String residentMessage) {
        return new HistoryEntry(request.version() + 1, 0, now, null, action, before, after, null, null,
                Visibility.INTERNAL, null, residentMessage);
    }

    /** One request's change, with nothing public about it. */
    static Change change(ServiceRequest request, ServiceRequest after, HistoryEntry entry,
                         List<? extends Outgoing> mails, Instant now) {
        return new Change(List.of(new RequestChange(after, request.version(), List.of(entry), List.of(),
                request.handling().followers())), mails, now);
    }
}

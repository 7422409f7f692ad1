package io.civicdesk.requests;

import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.HistoryEntry.Visibility;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closing a request as a duplicate of another (its original): the resident is told to follow the original, and
 * the original gains them (and this request's own followers) as followers — both requests in one change.
 */
final class Duplicates {
    private final Changes changes;
    private final Requests requests;

    Duplicates(Changes changes, Requests requests) {
        this.changes = changes;
        this.requests = requests;
    }

    Change duplicate(Acting acting) {
        ServiceRequest request = acting.request();
        ServiceRequest original = original(acting);
        String message = (acting.action().publicMessage() == null
                ? "Someone has already reported this problem, so we have joined your report to theirs."
                : acting.action().publicMessage())
                + " Follow its progress with the reference " + original.reference().display() + ": "
                + changes.trackingLink(original.reference());
        Handling handling = request.handling();
        if (handling.acknowledgedAt() == null) {
            handling = handling.withAcknowledgedAt(acting.now());
        }
        handling = handling.withProgress(acting.now(), false, null, acting.now(), null)
                .withDuplicateOf(original.reference()).withFollowers(List.of());
        ServiceRequest after = changes.timing().moved(request.changed(Workflow.CLOSED, request.unitId(), handling),
                acting.now(), true);
        Map<String, String> before = new LinkedHashMap<>();
        before.put("status", request.status());
        before.put("duplicateOf", null);
        HistoryEntry entry = acting.entry("duplicate", before,
                Map.of("status", Workflow.CLOSED, "duplicateOf", original.reference().value()), message,
                Intake.delivery(request));
        List<Outgoing> mails = new ArrayList<>();
        changes.residentUpdate(after, acting.workflow().label(Workflow.CLOSED), message).ifPresent(mails::add);
        return new Change(List.of(
                new RequestChange(after, request.version(), List.of(entry),
                        List.of(new PublicUpdate(acting.now(), Workflow.CLOSED, message))),
                followed(acting, original)), mails, acting.now());
    }

    /** The original named, if it is another request that is no duplicate itself and this one may be closed. */
    private ServiceRequest original(Acting acting) {
        ServiceRequest request = acting.request();
        Reference named = acting.action().originalReference();
        if (named.equals(request.reference())) {
            throw Refusal.invalid("originalReference", "A request cannot be a duplicate of itself.");
        }
        ServiceRequest original = requests.get(named).orElseThrow(() -> Refusal.invalid(
                "originalReference", "There is no request with the reference " + named.display() + "."));
        Reference originalsOriginal = original.handling().duplicateOf();
        if (originalsOriginal != null) {
            throw Refusal.invalid("originalReference", originalsOriginal.equals(request.reference())
                    ? named.display() + " is already a duplicate of this request: linking back would make a cycle."
                    : named.display() + " is itself a duplicate of " + originalsOriginal.display()
                    + ". Link this request to " + originalsOriginal.display() + " instead.");
        }
        if (!acting.workflow().allows(request.status(), Workflow.CLOSED)) {
            throw Refusal.invalid("originalReference", "A duplicate is closed, and this request cannot be closed from "
                    + request.status() + ".");
        }
        return original;
    }

    /** The original with this request's resident as a follower, and any it had. */
    private static RequestChange followed(Acting acting, ServiceRequest original) {
        ServiceRequest request = acting.request();
        List<Follower> followers = new ArrayList<>(original.handling().followers());
        followers.add(new Follower(request.reference(), request.contact().email(),
                ResidentTexts.wanted(request) ? PhoneInput.stored(request.contact().phone()) : null, request.preferredChannel(),
                request.language(), true, Changes.newToken()));
        followers.addAll(request.handling().followers());
        ServiceRequest after = original.changed(original.status(), original.unitId(),
                original.handling().withFollowers(followers));
        HistoryEntry linked = new HistoryEntry(after.version(), 0, acting.now(), acting.by(), "duplicate-linked", null,
                Map.of("duplicate", request.reference().value()), null, null, Visibility.INTERNAL, null);
        return new RequestChange(after, original.version(), List.of(linked), List.of(), original.handling().followers());
    }
}

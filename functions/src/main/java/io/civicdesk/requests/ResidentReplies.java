package io.civicdesk.requests;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.Units;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Refusal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The resident writing to the council from their private link: a reply while the request waits for them (the
 * service-level clock resumes: the request moves to the first status its workflow allows that neither pauses nor
 * finishes), more information at any time while it is open, or "not fixed" within the {@link NotFixedWindow} after
 * it was resolved (reopened, as an officer's reopen: the clock resumes from now and the resolution is measured
 * again). Each is in the history with the resident's words, which only staff see, and the assigned officer (or
 * else the unit's inbox) is told by mail — a link to the request, never the words themselves.
 */
public final class ResidentReplies {
    public static final int MAX_MESSAGE = 4000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.forLanguageTag("en-AU"));

    private final ResidentChanges changes;
    private final Workflows workflows;
    private final Units units;
    private final Directory directory;
    private final Timing timing;
    private final NotFixedWindow window;
    private final String portalUrl;

    ResidentReplies(ResidentChanges changes, Workflows workflows, Units units, Directory directory, NotFixedWindow window,
                    String portalUrl) {
        this.changes = changes;
        this.workflows = workflows;
        this.units = units;
        this.directory = directory;
        // A reply never changes a request's priority, so no agreement is asked for its targets again.
        this.timing = new Timing(units.serviceLevels(), AgreedTargets.NONE);
        this.window = window;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** A reply while it waits for the resident, else more information; refused once it is finished. */
    public Idempotency.Answer reply(Reference reference, String secret, String message, Optional<Idempotency.Key> key) {
        return changes.run(reference, key, (request, now) -> {
            ResidentChanges.requireResident(request, secret);
            Workflow workflow = workflows.forService(request.serviceId());
            if (request.handling().finishedAt() != null) {
                throw Refusal.conflict(finishedMessage(request, workflow, now));
            }
            Optional<String> resumed = request.handling().paused() ? next(request, workflow, false) : Optional.empty();
            String status = resumed.orElse(request.status());
            String action = request.handling().paused() ? "resident-reply" : "resident-information";
            Handling handling = resumed.isEmpty() ? request.handling()
                    : request.handling().withProgress(null, false, null, null, null);
            return drafted(request, workflow, now, action, status, handling, message,
                    request.handling().paused() ? "replied" : "added");
        });
    }

    /** "Not fixed": reopens a resolved request within the window, with the resident's reason. */
    public Idempotency.Answer notFixed(Reference reference, String secret, String reason, Optional<Idempotency.Key> key) {
        return changes.run(reference, key, (request, now) -> {
            ResidentChanges.requireResident(request, secret);
            Workflow workflow = workflows.forService(request.serviceId());
            Instant until = window.until(request).orElseThrow(() -> Refusal.conflict(request.handling().finishedAt() == null
                    ? "This request is still being worked on, so it cannot be reopened. Add what you have seen instead."
                    : "This request is " + workflow.label(request.status()).toLowerCase(Locale.ROOT)
                    + ", so it can no longer be reopened. If the problem is back, please report it again."));
            if (now.isAfter(until)) {
                throw Refusal.conflict("You could tell us this was not fixed until " + day(until, request) + ", "
                        + window.days() + " days after it was resolved. That time has passed: please report the problem again.");
            }
            String status = next(request, workflow, true).orElseThrow(() -> Refusal.conflict(
                    "This request cannot be reopened online. Please phone us with your reference."));
            Handling handling = request.handling().withProgress(null, workflow.pausesClock(status), null, null, null);
            return drafted(request, workflow, now, "resident-not-fixed", status, handling, reason, "reopened");
        });
    }

    private ResidentChanges.Drafted drafted(ServiceRequest request, Workflow workflow, Instant now, String action,
                                            String status, Handling handling, String words, String outcome) {
        ServiceRequest after = timing.moved(request.changed(status, request.unitId(), handling), now, false);
        HistoryEntry entry = ResidentChanges.entry(request, now, action, Map.of("status", request.status()),
                Map.of("status", status), words);
        List<Mail> mails = notice(after, action).stream().toList();
        return new ResidentChanges.Drafted(ResidentChanges.change(request, after, entry, mails, now), List.of(),
                ResidentReceipt.of(after, workflow.label(status), outcome), 201);
    }

    /** The first status the workflow allows from here that is not final (and, for a reply, does not pause). */
    private static Optional<String> next(ServiceRequest request, Workflow workflow, boolean mayPause) {
        return workflow.allowedFrom(request.status()).stream()
                .filter(status -> !status.isFinal() && (mayPause || !status.pausesClock()))
                .map(WorkflowStatus::id).findFirst();
    }

    private String finishedMessage(ServiceRequest request, Workflow workflow, Instant now) {
        String label = workflow.label(request.status()).toLowerCase(Locale.ROOT);
        return window.until(request).filter(until -> !now.isAfter(until))
                .map(until -> "This request is " + label + ". If the problem is not fixed, tell us by " + day(until, request)
                        + " with \"It is not fixed\" and we will reopen it.")
                .orElse("This request is " + label + ". If the problem is back, please report it again.");
    }

    private static String day(Instant at, ServiceRequest request) {
        return DAY.format(at.atZone(ZoneId.of(request.timeZone())));
    }

    /** The officer it is assigned to, else the unit's inbox; nobody when neither has an address. */
    private Optional<Mail> notice(ServiceRequest request, String action) {
        Actor assignee = request.handling().assignee();
        Optional<String> to = Optional.ofNullable(assignee).flatMap(actor -> directory.member(actor.id()))
                .filter(StaffMember::enabled).map(StaffMember::email)
                .or(() -> units.unit(request.unitId()).map(unit -> unit.email()));
        return to.map(address -> ResidentNoticeMail.compose(UUID.randomUUID().toString(), address, units.council().name(),
                request, action, portalUrl + "/staff/request.html?ref=" + request.reference().value()));
    }
}

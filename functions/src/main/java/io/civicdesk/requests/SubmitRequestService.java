package io.civicdesk.requests;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.Service;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Write;
import io.civicdesk.catalog.Council;
import io.civicdesk.sla.ServiceLevel;
import io.civicdesk.sla.ServiceLevels;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a resident's report: checks it against its service, gives it a reference and the dates to expect, and
 * stores it with its confirmation mail and its figures in one transaction, once per idempotency key
 * ({@link IdempotentCommand}: a retry gets the first answer back, a reference another request holds is drawn
 * again). Officers logging a request for a caller or walk-in come through here too
 * ({@link SubmissionReader#reportOnBehalf}): the same checks, the channel recorded, and resolution at first contact.
 */
public final class SubmitRequestService {
    private static final Duration KEEP_COUNCIL = Duration.ofMinutes(5);
    /** The status a request resolved at first contact is created in. */
    static final String RESOLVED = "resolved";

    private final Catalogue catalogue;
    private final Requests requests;
    private final OutboxStore outbox;
    private final RequestFigures figures;
    private final IdempotentCommand command;
    private final SecureRandom random;
    private final String portalUrl;
    private final Cached<Council> council;
    private final Timing timing;
    private final Metrics metrics;

    /** Each request is counted in the service-level {@code figures} as it is stored, and in {@code metrics}. */
    public SubmitRequestService(Catalogue catalogue, Requests requests, OutboxStore outbox, RequestFigures figures,
                                IdempotentCommand command, Clock clock, SecureRandom random, String portalUrl,
                                Metrics metrics, AgreedTargets agreed) {
        this.catalogue = catalogue;
        this.requests = requests;
        this.outbox = outbox;
        this.figures = figures;
        this.command = command;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.council = new Cached<>(catalogue::council, KEEP_COUNCIL, clock);
        this.timing = new Timing(new ServiceLevels(catalogue::policies, catalogue::calendar,
                () -> council.get().calendarId(), clock), agreed);
        this.metrics = metrics;
    }

    /** Submits the report once per key; it is checked on each attempt, so a retry of an accepted one is answered. */
    public Idempotency.Answer submit(Report report, Optional<Idempotency.Key> key) {
        return command.run(key, now -> prepare(report.check(catalogue::service), now));
    }

    private IdempotentCommand.Prepared prepare(Report.Checked checked, Instant now) {
        Submission submission = checked.submission();
        Intake intake = checked.intake();
        Service service = submission.service();
        String agencyId = submission.agencyId();
        if (agencyId != null && !timing.agreed().serves(agencyId)) {
            throw Refusal.invalid("agencyId", "There is no client agency " + agencyId + ". Choose one from the list.");
        }
        ServiceLevel level = timing.start(service, agencyId, now);
        String secret = Hashes.newSecret(random);
        Handling handling = Handling.received(intake.loggedBy());
        String status = RequestStatus.RECEIVED;
        if (intake.resolvedAtFirstContact()) {
            status = RESOLVED;
            handling = handling.withAcknowledgedAt(now).withProgress(now, false, now, null, intake.resolution())
                    .withResolvedAtFirstContact(true);
        }
        ServiceRequest request = new ServiceRequest(Reference.random(random), service.id(), service.name(),
                service.unitId(), status, now, timing.levels().councilCalendar().zone().getId(),
                submission.answers(), submission.location(), submission.description(), submission.contact(), submission.language(),
                submission.preferredChannel(), intake.channel(), Hashes.sha256(secret), 1, handling, null, agencyId)
                .timed(level);
        if (intake.resolvedAtFirstContact()) {
            request = timing.moved(request, now, true);
        }
        String tracking = portalUrl + "/track.html?ref=" + request.reference().value();
        SubmissionReceipt receipt = new SubmissionReceipt(RequestSummary.of(request), tracking, tracking + "#key=" + secret);
        Idempotency.Answer submitted = new Idempotency.Answer(201, Json.write(intake.onBehalf()
                ? new StaffReceipt(RequestSummary.of(request), tracking, intake.channel(), intake.resolvedAtFirstContact())
                : receipt));
        Mail confirmation = request.contact().email() == null ? null
                : ConfirmationMail.compose(UUID.randomUUID().toString(), council.get().name(), request, service, receipt);
        String receivedMessage = "We have received your request. " + service.whatHappensNext();
        List<PublicUpdate> updates = new ArrayList<>();
        updates.add(new PublicUpdate(now, RequestStatus.RECEIVED, receivedMessage));
        List<HistoryEntry> history = new ArrayList<>();
        Map<String, String> created = new LinkedHashMap<>();
        created.put("status", RequestStatus.RECEIVED);
        created.put("channel", intake.channel());
        created.put("unit", service.unitId());
        created.put("priority", Priority.NORMAL.wireName());
        if (agencyId != null) {
            created.put("agency", agencyId);
        }
        history.add(new HistoryEntry(1, 0, now, intake.loggedBy(), "created", null, created, receivedMessage, null,
                HistoryEntry.Visibility.PUBLIC, confirmation == null ? "none" : "email"));
        if (intake.resolvedAtFirstContact()) {
            // A moment after "received", so the two updates read in the order they happened.
            updates.add(new PublicUpdate(now.plusMillis(1), RESOLVED, intake.resolution()));
            history.add(new HistoryEntry(1, 1, now.plusMillis(1), intake.loggedBy(), "resolve",
                    Map.of("status", RequestStatus.RECEIVED), Map.of("status", RESOLVED, "resolvedAtFirstContact", "true"),
                    intake.resolution(), null, HistoryEntry.Visibility.PUBLIC, confirmation == null ? "none" : "email"));
        }
        List<Write> writes = new ArrayList<>(requests.created(request, updates, history));
        if (confirmation != null) {
            writes.add(outbox.pending("mail", confirmation, now));
        }
        writes.addAll(figures.created(request));
        Reference reference = request.reference();
        boolean mailed = confirmation != null;
        return IdempotentCommand.Prepared.of(submitted, writes).drawnAfresh(Requests.REFERENCE).afterCommit(() -> {
            Log.info("request.submitted", Map.of("reference", reference.value(), "serviceId", service.id(),
                    "channel", intake.channel(), "resolvedAtFirstContact", intake.resolvedAtFirstContact(),
                    "confirmationMail", mailed));
            metrics.count(Metrics.Metric.REQUESTS_SUBMITTED, service.id());
        });
    }
}

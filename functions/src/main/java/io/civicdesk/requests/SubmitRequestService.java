package io.civicdesk.requests;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.Service;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.notify.Text;
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
 * A resident's own report of a service paid online is not a request yet: it is held for its fee ({@link FeeHold}),
 * and becomes the request when the payment lands ({@link #paid}), or is released unpaid ({@link #released}).
 */
public final class SubmitRequestService {
    private static final Duration KEEP_COUNCIL = Duration.ofMinutes(5);
    /** The status a request resolved at first contact is created in. */
    static final String RESOLVED = "resolved";
    /** How long a report waits for its fee; the provider's page stays open at least 30 minutes of it. */
    public static final Duration PAY_WITHIN = Duration.ofMinutes(40);
    public static final String AWAITING_PAYMENT = "awaiting-payment";

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
    private final FeeHoldStore holds;

    /** Each request is counted in the service-level {@code figures} as it is stored, and in {@code metrics}. */
    public SubmitRequestService(Catalogue catalogue, Requests requests, OutboxStore outbox, RequestFigures figures,
                                IdempotentCommand command, Clock clock, SecureRandom random, String portalUrl,
                                Metrics metrics, FeeHoldStore holds, AgreedTargets agreed) {
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
        this.holds = holds;
    }

    /** Submits the report once per key; it is checked on each attempt, so a retry of an accepted one is answered. */
    public Idempotency.Answer submit(Report report, Optional<Idempotency.Key> key) {
        return command.run(key, now -> prepare(report.check(catalogue::service), now));
    }

    private IdempotentCommand.Prepared prepare(Report.Checked checked, Instant now) {
        Submission submission = checked.submission();
        if (submission.agencyId() != null && !timing.agreed().serves(submission.agencyId())) {
            throw Refusal.invalid("agencyId", "There is no client agency " + submission.agencyId() + ". Choose one from the list.");
        }
        Reference reference = Reference.random(random);
        String secret = Hashes.newSecret(random);
        if (submission.service().paidOnline() && checked.intake().equals(Intake.ONLINE)) {
            return held(submission, reference, secret, now);
        }
        return taken(submission, checked.intake(), reference, Hashes.sha256(secret), secret, now);
    }

    /** Held for its fee: the reference and private key given now, the request made once it is paid. */
    private IdempotentCommand.Prepared held(Submission submission, Reference reference, String secret, Instant now) {
        Service service = submission.service();
        FeeHold hold = new FeeHold(reference, service.id(), service.name(), service.fee().amountCents(), Hashes.sha256(secret),
                now, now.plus(PAY_WITHIN), submission.answers(), submission.location(), submission.description(),
                submission.contact(), submission.language(), submission.preferredChannel(), submission.agencyId(), service);
        String tracking = portalUrl + "/track.html?ref=" + reference.value();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reference", reference.value());
        answer.put("status", AWAITING_PAYMENT);
        answer.put("serviceId", service.id());
        answer.put("amountCents", hold.amountCents());
        answer.put("payBy", hold.payBy().toString());
        answer.put("trackingLink", tracking);
        answer.put("privateLink", tracking + "#key=" + secret);
        return IdempotentCommand.Prepared.of(new Idempotency.Answer(201, Json.write(answer)), holds.held(hold))
                .drawnAfresh(FeeHoldStore.HOLD).afterCommit(() -> Log.info("request.awaiting-payment",
                        Map.of("reference", reference.value(), "serviceId", service.id(), "amountCents", hold.amountCents())));
    }

    /** The report waiting for its fee, while it still is. */
    public Optional<FeeHold> awaitingPayment(Reference reference) {
        return holds.find(reference);
    }

    /**
     * Paid: the request made from its hold, as if reported now (its service-level clock starts when the council can
     * work on it), for the caller to commit with the payment's writes. It is made of the service as quoted (the
     * hold's snapshot), so a service dropped from the catalogue or re-priced meanwhile does not fail the payment;
     * empty only for a hold from before snapshots whose service is gone (the caller gives the fee back). Its
     * confirmation mail carries the tracking link alone: the private key was given when the report was sent, and
     * only its hash is kept.
     */
    public Optional<IdempotentCommand.Prepared> paid(FeeHold hold, Instant now) {
        Optional<Service> quoted = hold.service() != null ? Optional.of(hold.service()) : catalogue.service(hold.serviceId());
        return quoted.map(service -> {
            Submission submission = new Submission(service, hold.answers(), hold.location(), hold.description(), hold.contact(),
                    hold.language(), hold.preferredChannel(), hold.agencyId());
            IdempotentCommand.Prepared taken = taken(submission, Intake.ONLINE, hold.reference(), hold.secretHash(), null, now);
            List<Write> writes = new ArrayList<>(holds.ended(hold));
            writes.addAll(taken.writes());
            return IdempotentCommand.Prepared.of(taken.answer(), writes).afterCommit(taken.afterCommit());
        });
    }

    /** A paid hold whose service is gone and was not kept with it: ended, its fee given back by the caller. */
    public List<Write> withdrawn(FeeHold hold) {
        return holds.ended(hold);
    }

    /** Unpaid in time: the hold ended, and the resident told why nothing more will happen (mail in the outbox). */
    public List<Write> released(FeeHold hold, Instant now) {
        List<Write> writes = new ArrayList<>(holds.ended(hold));
        if (hold.contact() != null && hold.contact().email() != null) {
            writes.add(outbox.pending("mail", FeeHeldMail.released(UUID.randomUUID().toString(), council.get().name(), hold,
                    portalUrl + "/report.html?service=" + hold.serviceId()), now));
        }
        return writes;
    }

    /** Holds whose time to pay has passed, for the sweep to release. */
    public List<FeeHold> unpaid(Instant now, int limit) {
        return holds.due(now, limit).stream().map(holds::find).flatMap(Optional::stream).toList();
    }

    private IdempotentCommand.Prepared taken(Submission submission, Intake intake, Reference reference, String secretHash,
                                             String secret, Instant now) {
        Service service = submission.service();
        String agencyId = submission.agencyId();
        ServiceLevel level = timing.start(service, agencyId, now);
        Handling handling = Handling.received(intake.loggedBy());
        String status = RequestStatus.RECEIVED;
        if (intake.resolvedAtFirstContact()) {
            status = RESOLVED;
            handling = handling.withAcknowledgedAt(now).withProgress(now, false, now, null, intake.resolution())
                    .withResolvedAtFirstContact(true);
        }
        ServiceRequest request = new ServiceRequest(reference, service.id(), service.name(),
                service.unitId(), status, now, timing.levels().councilCalendar().zone().getId(),
                submission.answers(), submission.location(), submission.description(), submission.contact(), submission.language(),
                submission.preferredChannel(), intake.channel(), secretHash, 1, handling, null, agencyId)
                .timed(level);
        if (intake.resolvedAtFirstContact()) {
            request = timing.moved(request, now, true);
        }
        String tracking = portalUrl + "/track.html?ref=" + request.reference().value();
        SubmissionReceipt receipt = new SubmissionReceipt(RequestSummary.of(request), tracking,
                secret == null ? tracking : tracking + "#key=" + secret);
        Idempotency.Answer submitted = new Idempotency.Answer(201, Json.write(intake.onBehalf()
                ? new StaffReceipt(RequestSummary.of(request), tracking, intake.channel(), intake.resolvedAtFirstContact())
                : receipt));
        // Mailed when they gave an email; texted instead when they chose texts and gave a mobile.
        Outgoing confirmation = ResidentTexts.wanted(request)
                ? ResidentTexts.confirmation(UUID.randomUUID().toString(), council.get().name(), request, receipt.privateLink())
                : request.contact().email() == null ? null
                : ConfirmationMail.compose(UUID.randomUUID().toString(), council.get().name(), request, service, receipt);
        String delivery = confirmation == null ? "none" : confirmation instanceof Text ? "text" : "email";
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
                HistoryEntry.Visibility.PUBLIC, delivery));
        if (intake.resolvedAtFirstContact()) {
            // A moment after "received", so the two updates read in the order they happened.
            updates.add(new PublicUpdate(now.plusMillis(1), RESOLVED, intake.resolution()));
            history.add(new HistoryEntry(1, 1, now.plusMillis(1), intake.loggedBy(), "resolve",
                    Map.of("status", RequestStatus.RECEIVED), Map.of("status", RESOLVED, "resolvedAtFirstContact", "true"),
                    intake.resolution(), null, HistoryEntry.Visibility.PUBLIC, delivery));
        }
        List<Write> writes = new ArrayList<>(requests.created(request, updates, history));
        if (confirmation != null) {
            writes.add(outbox.pending("mail", confirmation, now));
        }
        writes.addAll(figures.created(request));
        boolean mailed = confirmation instanceof Mail;
        boolean texted = confirmation instanceof Text;
        return IdempotentCommand.Prepared.of(submitted, writes).drawnAfresh(Requests.REFERENCE).afterCommit(() -> {
            Log.info("request.submitted", Map.of("reference", reference.value(), "serviceId", service.id(),
                    "channel", intake.channel(), "resolvedAtFirstContact", intake.resolvedAtFirstContact(),
                    "confirmationMail", mailed, "confirmationText", texted));
            metrics.count(Metrics.Metric.REQUESTS_SUBMITTED, service.id());
        });
    }
}

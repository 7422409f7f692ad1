package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Metrics;
import io.civicdesk.figures.FiguresStore;
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
 * stores it with its confirmation mail in one transaction. With an idempotency key, a retry gets the first
 * answer back and nothing new is made. Officers logging a request for a caller or walk-in come through here too
 * ({@link #submitOnBehalf}): the same checks, the channel recorded, and resolution at first contact.
 */
public final class SubmitRequestService {
    private static final int ATTEMPTS = 3;
    private static final Duration KEEP_COUNCIL = Duration.ofMinutes(5);
    /** The status a request resolved at first contact is created in. */
    static final String RESOLVED = "resolved";

    private final CatalogStore catalog;
    private final RequestStore requests;
    private final Clock clock;
    private final SecureRandom random;
    private final String portalUrl;
    private final Cached<Council> council;
    private final Timing timing;
    private final RequestFigures figures;
    private final Metrics metrics;

    public SubmitRequestService(CatalogStore catalog, RequestStore requests, Clock clock, SecureRandom random, String portalUrl) {
        this(catalog, requests, clock, random, portalUrl, null, Metrics.NONE);
    }

    /**
     * With {@code figures}, each request is counted in the service-level figures as it is stored, and in
     * {@code metrics} for the operators.
     */
    public SubmitRequestService(CatalogStore catalog, RequestStore requests, Clock clock, SecureRandom random, String portalUrl,
                                FiguresStore figures, Metrics metrics) {
        this.catalog = catalog;
        this.requests = requests;
        this.clock = clock;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.council = new Cached<>(catalog::council, KEEP_COUNCIL, clock);
        this.timing = new Timing(new ServiceLevels(catalog::policies, catalog::calendar, () -> council.get().calendarId(), clock));
        this.figures = figures == null ? RequestFigures.NONE : new RequestFigures(figures);
        this.metrics = metrics;
    }

    /** A resident's own report, online. */
    public Idempotency.Answer submit(JsonNode body, Idempotency.Key key) {
        return submit(body, key, null);
    }

    /**
     * A report an officer logs for a caller or walk-in: the same checks as a resident's, plus how it came in
     * ({@code channel}) and whether the officer resolved it at first contact. Every problem is reported together.
     */
    public Idempotency.Answer submitOnBehalf(JsonNode body, Idempotency.Key key, Actor officer) {
        return submit(body, key, officer);
    }

    private Idempotency.Answer submit(JsonNode body, Idempotency.Key key, Actor officer) {
        Submission submission;
        Intake intake = Intake.ONLINE;
        try {
            String serviceId = SubmissionReader.serviceId(body);
            Service service = serviceId == null ? null : catalog.service(serviceId).orElse(null);
            List<FieldError> errors = new ArrayList<>();
            try {
                submission = SubmissionReader.read(body, service);
            } catch (Refusal invalid) {
                if (invalid.errors().isEmpty()) {
                    throw invalid;
                }
                errors.addAll(invalid.errors());
                submission = null;
            }
            if (officer != null) {
                intake = Intake.read(body, officer, errors);
            }
            if (!errors.isEmpty()) {
                throw Refusal.invalid(errors);
            }
        } catch (Refusal invalid) {
            // A retry of a report that was accepted gets its first answer even if the catalogue changed since.
            Optional<Idempotency.Answer> first = key == null ? Optional.empty() : replay(key);
            if (first.isPresent()) {
                return first.get();
            }
            throw invalid;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Idempotency.Answer> stored = tryToStore(submission, key, intake);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw new IllegalStateException("No request stored after " + ATTEMPTS + " attempts");
    }

    private Optional<Idempotency.Answer> tryToStore(Submission submission, Idempotency.Key key, Intake intake) {
        Instant now = clock.instant();
        Service service = submission.service();
        ServiceLevel level = timing.start(service, now);
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
                submission.answers(), submission.location(), submission.description(), submission.contact(),
                submission.preferredChannel(), intake.channel(), Hashes.sha256(secret), 1, handling, null)
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
        history.add(new HistoryEntry(1, 0, now, intake.loggedBy(), "created", null, created, receivedMessage, null,
                HistoryEntry.Visibility.PUBLIC, confirmation == null ? "none" : "email"));
        if (intake.resolvedAtFirstContact()) {
            // A moment after "received", so the two updates read in the order they happened.
            updates.add(new PublicUpdate(now.plusMillis(1), RESOLVED, intake.resolution()));
            history.add(new HistoryEntry(1, 1, now.plusMillis(1), intake.loggedBy(), "resolve",
                    Map.of("status", RequestStatus.RECEIVED), Map.of("status", RESOLVED, "resolvedAtFirstContact", "true"),
                    intake.resolution(), null, HistoryEntry.Visibility.PUBLIC, confirmation == null ? "none" : "email"));
        }
        try {
            requests.create(request, updates, history,
                    key, submitted,
                    confirmation, now, figures.created(request));
            Log.info("request.submitted", Map.of("reference", request.reference().value(), "serviceId", service.id(),
                    "channel", intake.channel(), "resolvedAtFirstContact", intake.resolvedAtFirstContact(),
                    "confirmationMail", confirmation != null));
            metrics.count(Metrics.Metric.REQUESTS_SUBMITTED, service.id());
            return Optional.of(submitted);
        } catch (RequestStore.NotCreated notCreated) {
            return switch (notCreated.clash()) {
                case REFERENCE_TAKEN -> Optional.empty();
                case IDEMPOTENCY_KEY_USED -> Optional.of(replay(key).orElseThrow());
                // A concurrent retry with the same key is mid-write: its answer is the one to give, if it landed.
                case BUSY -> key == null ? Optional.empty() : replay(key);
            };
        }
    }

    private Optional<Idempotency.Answer> replay(Idempotency.Key key) {
        return requests.replay(key);
    }
}

package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.ApiException;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Log;
import io.civicdesk.sla.BusinessCalendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a resident's report: checks it against its service, gives it a reference and the dates to expect, and
 * stores it with its confirmation mail in one transaction. With an idempotency key, a retry gets the first
 * answer back and nothing new is made.
 */
public final class SubmitRequestService {
    private static final int ATTEMPTS = 3;
    private static final Duration KEEP_CALENDAR = Duration.ofMinutes(5);

    private final CatalogStore catalog;
    private final RequestStore requests;
    private final Clock clock;
    private final SecureRandom random;
    private final String portalUrl;
    private final Cached<Council> council;
    private final Cached<BusinessCalendar> calendar;

    public SubmitRequestService(CatalogStore catalog, RequestStore requests, Clock clock, SecureRandom random, String portalUrl) {
        this.catalog = catalog;
        this.requests = requests;
        this.clock = clock;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.council = new Cached<>(catalog::council, KEEP_CALENDAR, clock);
        this.calendar = new Cached<>(() -> catalog.calendar(council.get().calendarId())
                .orElseThrow(() -> new IllegalStateException("The council's calendar is missing")), KEEP_CALENDAR, clock);
    }

    /** A submission's answer: its HTTP status and body, kept verbatim for retries. */
    public record Submitted(int status, String body) {
    }

    /** The key a client sent with a submission, and a fingerprint of the body it came with. */
    public record IdempotencyKey(String keyHash, String fingerprint) {
        public static IdempotencyKey of(String key, String body) {
            return new IdempotencyKey(Hashes.sha256(key), Hashes.sha256(body));
        }
    }

    public Submitted submit(JsonNode body, IdempotencyKey key) {
        Submission submission;
        try {
            String serviceId = SubmissionReader.serviceId(body);
            Service service = serviceId == null ? null : catalog.service(serviceId).orElse(null);
            submission = SubmissionReader.read(body, service);
        } catch (ApiException invalid) {
            // A retry of a report that was accepted gets its first answer even if the catalogue changed since.
            Optional<Submitted> first = key == null ? Optional.empty() : replay(key);
            if (first.isPresent()) {
                return first.get();
            }
            throw invalid;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Submitted> stored = tryToStore(submission, key);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw new IllegalStateException("No request stored after " + ATTEMPTS + " attempts");
    }

    private Optional<Submitted> tryToStore(Submission submission, IdempotencyKey key) {
        Instant now = clock.instant();
        BusinessCalendar businessCalendar = calendar.get();
        Service service = submission.service();
        String secret = Hashes.newSecret(random);
        ServiceRequest request = new ServiceRequest(Reference.random(random), service.id(), service.name(),
                service.unitId(), RequestStatus.RECEIVED, now, businessCalendar.zone().getId(),
                businessCalendar.expectedDates(now, service.responseDays(), service.resolutionDays()),
                submission.answers(), submission.location(), submission.description(), submission.contact(),
                submission.preferredChannel(), "online", Hashes.sha256(secret), 1);
        String tracking = portalUrl + "/track.html?ref=" + request.reference().value();
        SubmissionReceipt receipt = new SubmissionReceipt(RequestSummary.of(request), tracking, tracking + "#key=" + secret);
        Submitted submitted = new Submitted(201, Json.write(receipt));
        Mail confirmation = request.contact().email() == null ? null
                : ConfirmationMail.compose(UUID.randomUUID().toString(), council.get().name(), request, service, receipt);
        PublicUpdate received = new PublicUpdate(now, RequestStatus.RECEIVED,
                "We have received your request. " + service.whatHappensNext());
        try {
            requests.create(request, received,
                    key == null ? null : new IdempotentAnswer(key.keyHash(), key.fingerprint(), submitted.status(), submitted.body()),
                    confirmation, now);
            Log.info("request.submitted", Map.of("reference", request.reference().value(), "serviceId", service.id(),
                    "confirmationMail", confirmation != null));
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

    private Optional<Submitted> replay(IdempotencyKey key) {
        return requests.idempotentAnswer(key.keyHash()).map(first -> {
            if (!first.fingerprint().equals(key.fingerprint())) {
                throw new ApiException(422, "This Idempotency-Key was already used for a different report. "
                        + "Use a new key for a new report.");
            }
            return new Submitted(first.status(), first.body());
        });
    }
}

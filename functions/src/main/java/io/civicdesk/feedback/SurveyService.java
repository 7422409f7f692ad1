package io.civicdesk.feedback;

import io.civicdesk.figures.SatisfactionFiguresStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Transaction;
import io.civicdesk.requests.Reference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The survey after service, from the resident's side. Its link carries the reference and a secret for that
 * request (or booking) alone (its own private key also works, from the tracking page): a link for one can
 * neither read nor answer another. One answer per request or booking, whatever the retries.
 */
public final class SurveyService {
    private final DynamoDbClient dynamo;
    private final SurveyStore surveys;
    private final SatisfactionFiguresStore figures;
    /** The table the idempotency records go in (the feedback table). */
    private final String idempotencyTable;
    private final CouncilCalendar council;
    private final Clock clock;

    public SurveyService(DynamoDbClient dynamo, SurveyStore surveys, SatisfactionFiguresStore figures,
                         String idempotencyTable, io.civicdesk.catalog.CatalogStore catalog, Clock clock) {
        this.dynamo = dynamo;
        this.surveys = surveys;
        this.figures = figures;
        this.idempotencyTable = idempotencyTable;
        this.council = new CouncilCalendar(catalog, clock);
        this.clock = clock;
    }

    /** What the survey page shows: the request or booking it is about, and whether it still waits for an answer. */
    public record SurveyView(String subject, String reference, String displayReference, ServiceName service, boolean open, String answeredAt) {
        public record ServiceName(String id, String name) {
        }
    }

    public record Answered(int status, String body) {
    }

    public SurveyView view(Survey.Subject subject, String typedReference, String secret) {
        Survey survey = survey(subject, typedReference, secret);
        return view(survey);
    }

    public Answered answer(Survey.Subject subject, String typedReference, String secret, JsonNode body, Idempotency.Key key) {
        Survey survey = survey(subject, typedReference, secret);
        Optional<Idempotency.Answer> first = (key == null ? Optional.<Idempotency.Answer>empty() : Idempotency.replay(dynamo, idempotencyTable, key));
        if (first.isPresent()) {
            return new Answered(first.get().status(), first.get().body());
        }
        SurveyAnswer answer = SurveyAnswer.read(body);
        if (!survey.open()) {
            throw alreadyAnswered(survey.subject());
        }
        Instant now = clock.instant();
        Survey answered = new Survey(survey.subject(), survey.reference(), survey.serviceId(), survey.serviceName(), survey.unitId(),
                survey.invitedAt(), survey.surveySecretHash(), survey.requestSecretHash(), now, answer);
        Answered result = new Answered(201, Json.write(Map.of("survey", view(answered),
                "message", "Thank you. Your answer has been recorded.")));
        Transaction transaction = new Transaction()
                .update("survey", surveys.answer(survey.subject(), survey.reference(), answer, now))
                .update("figures", figures.answered(survey.unitId(), survey.serviceId(),
                        council.calendar().localDate(now), answer, false));
        if (key != null) {
            transaction.put("idempotency", Idempotency.put(idempotencyTable, key, new Idempotency.Answer(result.status(), result.body()), now));
        }
        try {
            transaction.commit(dynamo);
        } catch (Refused refused) {
            if (refused.failed("idempotency")) {
                return (key == null ? Optional.<Idempotency.Answer>empty() : Idempotency.replay(dynamo, idempotencyTable, key)).map(a -> new Answered(a.status(), a.body())).orElseThrow();
            }
            if (refused.failed("survey")) {
                throw alreadyAnswered(survey.subject());
            }
            // A concurrent answer to the same survey (a double tap without a key): the first one wins.
            throw alreadyAnswered(survey.subject());
        }
        Log.info("survey.answered", Map.of("reference", survey.reference(), "comment", answer.comment() != null));
        return result;
    }

    private static Refusal alreadyAnswered(Survey.Subject subject) {
        return new Refusal(Refusal.Kind.CONFLICT, "This survey has already been answered. Thank you: one answer per "
                + subject.wireName() + " is kept.",
                List.of(new FieldError("survey", "This survey has already been answered.")));
    }

    private Survey survey(Survey.Subject subject, String typedReference, String secret) {
        Reference reference = Reference.parse(typedReference).orElseThrow(() -> Refusal.invalid(List.of(new FieldError(
                "reference", "A reference is 8 letters and numbers, like K7MP-3QXR. Use the link in your email."))));
        if (secret == null || secret.isBlank()) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "Open the survey from the link in your email.",
                    List.of(new FieldError("key", "The survey link's key is missing.")));
        }
        Survey survey = surveys.find(subject, reference.value()).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                "There is no survey for " + subject.wireName() + " " + reference.display() + ". Check you used the link in your email.",
                List.of(new FieldError("reference", "There is no survey for this reference."))));
        if (!Hashes.matches(secret, survey.surveySecretHash()) && !Hashes.matches(secret, survey.requestSecretHash())) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "This survey link is not for " + subject.wireName() + " " + reference.display() + ".",
                    List.of(new FieldError("key", "This link is for another " + subject.wireName() + ".")));
        }
        return survey;
    }

    private static SurveyView view(Survey survey) {
        Reference reference = new Reference(survey.reference());
        return new SurveyView(survey.subject().wireName(), reference.value(), reference.display(),
                new SurveyView.ServiceName(survey.serviceId(), survey.serviceName()), survey.open(),
                survey.answeredAt() == null ? null : survey.answeredAt().toString());
    }
}

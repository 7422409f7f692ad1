package io.civicdesk.feedback;

import io.civicdesk.platform.InMemoryTransactions;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.platform.Hashes;
import io.civicdesk.requests.Reference;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import static io.civicdesk.feedback.FeedbackFixtures.fields;
import static io.civicdesk.feedback.FeedbackFixtures.json;
import static io.civicdesk.feedback.FeedbackFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /surveys/{reference}} and {@code POST /surveys/{reference}/answers}, over in-memory stores. */
class SurveyHandlerTest {
    private static final String SECRET = "survey-secret";
    private static final String ANSWERS = "POST /surveys/{reference}/answers";

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemorySurveys surveys = new InMemorySurveys(transactions);
    private final SurveyHandler handler = new SurveyHandler(new SurveyService(surveys,
            new SatisfactionFiguresStore(null, "FeedbackTable"), FeedbackFixtures.command(transactions), FeedbackFixtures.COUNCIL));
    private final String reference = Reference.random(new SecureRandom()).value();

    SurveyHandlerTest() {
        surveys.open(new Survey(Survey.Subject.REQUEST, reference, "missed-bin", "Missed bin collection", "waste",
                FeedbackFixtures.CLOCK.instant(), Hashes.sha256(SECRET), Hashes.sha256("request-secret"), null, null));
    }

    private APIGatewayV2HTTPResponse answer(String secret, Map<String, String> headers, Object body) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("X-Survey-Key", secret);
        return send(handler, ANSWERS, Map.of("reference", reference), all, body);
    }

    @Test
    void anAnswerIsRecordedWithTheDaysFiguresAnd201() {
        APIGatewayV2HTTPResponse answered = answer(SECRET, Map.of(), Map.of("satisfaction", 4, "recommend", 9));
        assertEquals(201, answered.getStatusCode(), answered.getBody());
        assertFalse(json(answered).path("survey").path("open").asBoolean());
        assertEquals(List.of(List.of("survey", "figures")), transactions.committed());
        assertFalse(surveys.find(Survey.Subject.REQUEST, reference).orElseThrow().open());
    }

    @Test
    void anAnswerWithTheWrongKeyIs403AndNothingIsSaved() {
        assertEquals(403, answer("another-survey", Map.of(), Map.of("satisfaction", 5)).getStatusCode());
        assertTrue(surveys.find(Survey.Subject.REQUEST, reference).orElseThrow().open());
    }

    @Test
    void aSecondAnswerIs409() {
        assertEquals(201, answer(SECRET, Map.of(), Map.of("satisfaction", 2)).getStatusCode());
        APIGatewayV2HTTPResponse again = answer(SECRET, Map.of(), Map.of("satisfaction", 5));
        assertEquals(409, again.getStatusCode());
        assertEquals(List.of("survey"), fields(again));
        assertEquals(1, transactions.committed().size(), "the first answer is the one kept");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyIsGivenTheFirstAnswer() {
        Map<String, String> key = Map.of("Idempotency-Key", "survey-retry-1");
        APIGatewayV2HTTPResponse first = answer(SECRET, key, Map.of("satisfaction", 3));
        APIGatewayV2HTTPResponse retry = answer(SECRET, key, Map.of("satisfaction", 3));
        assertEquals(201, retry.getStatusCode(), retry.getBody());
        assertEquals(first.getBody(), retry.getBody());
    }

    @Test
    void aScoreOutOfRangeIs400NamingItAndAnUnknownSurveyIs404() {
        assertEquals(List.of("satisfaction"), fields(answer(SECRET, Map.of(), Map.of("satisfaction", 6))));
        assertEquals(404, send(handler, "GET /surveys/{reference}", Map.of("reference", "2222-2222"),
                Map.of("X-Survey-Key", SECRET), null).getStatusCode());
        assertEquals(200, send(handler, "GET /surveys/{reference}", Map.of("reference", reference),
                Map.of("X-Survey-Key", SECRET), null).getStatusCode());
    }
}

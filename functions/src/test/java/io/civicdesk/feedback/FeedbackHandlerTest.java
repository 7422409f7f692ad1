package io.civicdesk.feedback;

import io.civicdesk.platform.InMemoryTransactions;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.ServiceRequest;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.feedback.FeedbackFixtures.COUNCIL;
import static io.civicdesk.feedback.FeedbackFixtures.fields;
import static io.civicdesk.feedback.FeedbackFixtures.json;
import static io.civicdesk.feedback.FeedbackFixtures.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /feedback} and the complainant's routes, over in-memory stores. */
class FeedbackHandlerTest {
    private static final Unit WASTE = new Unit("waste", "Waste services", "waste@melaleuca.example");

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryComplaints complaints = new InMemoryComplaints(transactions);
    private final FeedbackHandler handler = handler();

    private FeedbackHandler handler() {
        FeedbackSubjects subjects = new FeedbackSubjects() {
            @Override
            public Optional<Unit> unit(String unitId) {
                return WASTE.id().equals(unitId) ? Optional.of(WASTE) : Optional.empty();
            }

            @Override
            public Optional<Service> service(String serviceId) {
                return Optional.empty();
            }

            @Override
            public Optional<ServiceRequest> request(Reference reference) {
                return Optional.empty();
            }

            @Override
            public List<StaffMember> named(String name, String unitId) {
                return List.of();
            }
        };
        OutboxStore outbox = new OutboxStore(null, "OutboxTable");
        SecureRandom random = new SecureRandom();
        return new FeedbackHandler(new FeedbackService(subjects, complaints, new FeedbackStore("FeedbackTable"), outbox,
                FeedbackFixtures.command(transactions), ComplaintTargets.DEFAULTS, COUNCIL, random, "https://portal.example/"),
                new ComplaintService(complaints, outbox, transactions, ComplaintTargets.DEFAULTS, COUNCIL, FeedbackFixtures.CLOCK,
                        random, "https://portal.example", (staff, kind, references) -> { }));
    }

    private APIGatewayV2HTTPResponse post(Map<String, Object> body, Map<String, String> headers) {
        return send(handler, "POST /feedback", Map.of(), headers, body);
    }

    private static Map<String, Object> complaint(String email) {
        return Map.of("kind", "complaint", "about", Map.of("unitId", "waste"), "message", "The truck missed us again.",
                "contact", email == null ? Map.of("name", "Alex") : Map.of("email", email));
    }

    @Test
    void aComplimentIsPassedToItsUnitsInboxAnd201() {
        APIGatewayV2HTTPResponse sent = post(Map.of("kind", "compliment", "about", Map.of("unitId", "waste"),
                "message", "Thank you for the quick pick-up."), Map.of());
        assertEquals(201, sent.getStatusCode(), sent.getBody());
        assertEquals("compliment", json(sent).path("kind").asText());
        assertEquals(List.of(List.of("feedback", "mail")), transactions.committed(), "the compliment and the unit's mail together");
    }

    @Test
    void aComplaintWithoutAnEmailIs400NamingContactEmail() {
        APIGatewayV2HTTPResponse refused = post(complaint(null), Map.of());
        assertEquals(400, refused.getStatusCode());
        assertEquals(List.of("contact.email"), fields(refused));
        assertTrue(complaints.cases.isEmpty());
    }

    @Test
    void aComplaintKeepsItsLanguageAndALanguageWeDoNotSpeakIs400NamingIt() {
        Map<String, Object> arabic = new java.util.HashMap<>(complaint("alex@example.com"));
        arabic.put("language", "ar");
        assertEquals(201, post(arabic, Map.of()).getStatusCode());
        assertEquals(io.civicdesk.languages.Language.ARABIC, complaints.cases.values().iterator().next().language());
        arabic.put("language", "tlh");
        APIGatewayV2HTTPResponse refused = post(arabic, Map.of());
        assertEquals(400, refused.getStatusCode());
        assertEquals(List.of("language"), fields(refused));
    }

    @Test
    void feedbackAboutAnUnknownTeamIs400NamingIt() {
        APIGatewayV2HTTPResponse refused = post(Map.of("kind", "suggestion", "about", Map.of("unitId", "parks"),
                "message", "More bins."), Map.of());
        assertEquals(400, refused.getStatusCode());
        assertEquals(List.of("about.unitId"), fields(refused));
    }

    @Test
    void aMalformedEmailAndAnUnknownTeamAreNamedInTheSameAnswer() {
        APIGatewayV2HTTPResponse refused = post(Map.of("kind", "complaint", "about", Map.of("unitId", "parks"),
                "message", "The truck missed us again.", "contact", Map.of("email", "alex-at-example")), Map.of());
        assertEquals(400, refused.getStatusCode());
        assertEquals(List.of("contact.email", "about.unitId"), fields(refused), "the field first, then the lookup, in one go");
        assertTrue(complaints.cases.isEmpty());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameComplaintReference() {
        Map<String, String> key = Map.of("Idempotency-Key", "complaint-retry-1");
        APIGatewayV2HTTPResponse first = post(complaint("alex@example.com"), key);
        APIGatewayV2HTTPResponse retry = post(complaint("alex@example.com"), key);
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(201, retry.getStatusCode(), retry.getBody());
        assertEquals(json(first).path("reference").asText(), json(retry).path("reference").asText());
        assertEquals(first.getBody(), retry.getBody(), "the first answer, verbatim");
        assertEquals(1, complaints.cases.size(), "one complaint, whatever the retries");
    }

    @Test
    void theSameKeyWithOtherDetailsIs422() {
        Map<String, String> key = Map.of("Idempotency-Key", "complaint-reused-1");
        post(complaint("alex@example.com"), key);
        assertEquals(422, post(complaint("sam@example.com"), key).getStatusCode());
    }

    @Test
    void aComplaintOpenedWithItsPrivateLinkShowsItsTargetsAndAnUnknownOneIs404() {
        JsonReceipt receipt = JsonReceipt.of(post(complaint("alex@example.com"), Map.of()));
        APIGatewayV2HTTPResponse view = send(handler, "GET /complaints/{reference}", Map.of("reference", receipt.reference()),
                Map.of("X-Private-Key", receipt.key()), null);
        assertEquals(200, view.getStatusCode(), view.getBody());
        assertEquals("received", json(view).path("status").asText());
        assertEquals(403, send(handler, "GET /complaints/{reference}", Map.of("reference", receipt.reference()),
                Map.of("X-Private-Key", "not-the-key"), null).getStatusCode());
        assertEquals(404, send(handler, "GET /complaints/{reference}", Map.of("reference", "2222-2222"),
                Map.of("X-Private-Key", receipt.key()), null).getStatusCode());
    }

    /** A complaint's reference and the key of its private link, from the answer to its submission. */
    private record JsonReceipt(String reference, String key) {
        static JsonReceipt of(APIGatewayV2HTTPResponse sent) {
            String link = json(sent).path("privateLink").asText();
            return new JsonReceipt(json(sent).path("reference").asText(), link.substring(link.indexOf("#key=") + 5));
        }
    }
}

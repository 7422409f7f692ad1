package io.civicdesk.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /requests/{reference}}: the public view by reference, the private view by link. */
@DependsOnTheDate
class TrackRequestTest {
    private static Api api;
    private static String email;
    private static String reference;
    private static String secret;

    @BeforeAll
    static void aResidentHasReportedAMissedBin() {
        api = TestStack.api();
        email = "tracker+" + UUID.randomUUID() + "@example.com";
        JsonNode receipt = api.post("/requests", Json.write(Reports.missedBin(email)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).json();
        reference = receipt.path("reference").asText();
        String link = receipt.path("privateLink").asText();
        secret = link.substring(link.indexOf("#key=") + "#key=".length());
    }

    private static void assertNoPersonalDetails(Api.Reply reply) {
        for (String detail : Reports.personalDetails(email)) {
            assertFalse(reply.body().contains(detail), "the public view shows '" + detail + "': " + reply.body());
        }
        assertFalse(reply.json().has("details"));
        assertFalse(reply.json().path("private").asBoolean());
    }

    @Test
    void theReferenceAloneShowsStatusServiceDatesAndUpdatesButNothingPersonal() {
        Api.Reply reply = api.get("/requests/" + reference);
        assertEquals(200, reply.status(), reply.body());
        JsonNode view = reply.json();
        assertEquals(reference, view.path("reference").asText());
        assertEquals("Received", view.path("statusLabel").asText());
        assertEquals("Missed bin collection", view.path("service").path("name").asText());
        assertTrue(view.path("expected").path("resolution").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertEquals(1, view.path("updates").size());
        assertTrue(view.path("updates").get(0).path("message").asText().startsWith("We have received your request."));
        assertNoPersonalDetails(reply);
    }

    @Test
    void thePrivateLinkAlsoShowsTheResidentsOwnDetails() {
        Api.Reply reply = api.get("/requests/" + reference, Map.of("X-Private-Key", secret));
        assertEquals(200, reply.status());
        JsonNode view = reply.json();
        assertTrue(view.path("private").asBoolean());
        JsonNode details = view.path("details");
        assertEquals("Alex Citizen", details.path("contact").path("name").asText());
        assertEquals(email, details.path("contact").path("email").asText());
        assertEquals("email", details.path("preferredChannel").asText());
        assertEquals("14 Banksia Street, Melaleuca WA 6999", details.path("location").path("address").asText());
        assertEquals("Which bin was missed?", details.path("answers").get(0).path("question").asText());
        assertEquals("Recycling (yellow lid)", details.path("answers").get(0).path("answer").asText());
    }

    @Test
    void aWrongSecretGetsOnlyThePublicView() {
        Api.Reply reply = api.get("/requests/" + reference, Map.of("X-Private-Key", secret.substring(1) + "A"));
        assertEquals(200, reply.status());
        assertNoPersonalDetails(reply);
    }

    @Test
    void theReferenceCanBeTypedInLowerCaseWithAHyphen() {
        String typed = (reference.substring(0, 4) + "-" + reference.substring(4)).toLowerCase();
        assertEquals(200, api.get("/requests/" + typed).status());
    }

    @Test
    void anUnknownReferenceIsA404WithAClearMessage() {
        String unknown = reference.startsWith("2222") ? "33333333" : "22222222";
        Api.Reply reply = api.get("/requests/" + unknown);
        assertEquals(404, reply.status());
        assertEquals("We could not find a request with the reference 2222-2222. Check it against your confirmation email or text.",
                reply.json().path("message").asText().replace("3333-3333", "2222-2222"));
    }

    @Test
    void somethingThatCannotBeAReferenceIsA400() {
        Api.Reply reply = api.get("/requests/not-a-reference");
        assertEquals(400, reply.status());
        assertTrue(reply.error("reference").contains("8 letters and numbers"));
    }
}

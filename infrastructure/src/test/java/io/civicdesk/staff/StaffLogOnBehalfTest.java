package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /staff/requests}: an officer logs a caller's or walk-in's request through the residents' own path. */
class StaffLogOnBehalfTest {
    private final StaffApi sam = StaffApi.as(SAM);

    private static Map<String, Object> call(String email, String channel) {
        Map<String, Object> report = new HashMap<>(Reports.missedBin(email));
        report.put("channel", channel);
        return report;
    }

    @Test
    void aPhoneCallIsRecordedWithItsChannelAndTheOfficerAndTheResidentIsSentTheirConfirmation() {
        String email = StaffApi.email();
        Api.Reply reply = sam.post("/staff/requests", call(email, "phone"));
        assertEquals(201, reply.status(), reply.body());
        JsonNode receipt = reply.json();
        assertEquals("phone", receipt.path("channel").asText());
        assertFalse(receipt.path("resolvedAtFirstContact").asBoolean());
        assertTrue(receipt.path("privateLink").isMissingNode(), "the private link goes to the resident only");
        String reference = receipt.path("reference").asText();

        JsonNode view = sam.view(reference);
        assertEquals("phone", view.path("channel").asText());
        assertEquals(SAM.id(), view.path("loggedBy").path("id").asText());
        assertEquals(SAM.id(), view.path("history").get(0).path("by").path("id").asText());
        assertEquals("phone", view.path("history").get(0).path("after").path("channel").asText());
        Message confirmation = Mailbox.awaitMailTo(email);
        assertTrue(confirmation.text().contains("#key="), "the resident's own private link: " + confirmation.text());
    }

    @Test
    void resolvedAtFirstContactCreatesItResolvedWithTheResolutionAsItsPublicUpdate() {
        Map<String, Object> body = call(StaffApi.email(), "counter");
        body.put("resolvedAtFirstContact", true);
        body.put("resolution", "Swapped the bin at the counter.");
        Api.Reply reply = sam.post("/staff/requests", body);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("resolved", reply.json().path("status").asText());
        assertTrue(reply.json().path("resolvedAtFirstContact").asBoolean());
        String reference = reply.json().path("reference").asText();

        JsonNode view = sam.view(reference);
        assertTrue(view.path("resolvedAtFirstContact").asBoolean());
        assertEquals("Swapped the bin at the counter.", view.path("resolution").asText());
        assertTrue(view.path("final").asBoolean());
        assertNotNull(view.path("sla").path("acknowledgedAt").textValue());
        JsonNode tracking = TestStack.api().get("/requests/" + reference).json();
        assertEquals("resolved", tracking.path("status").asText());
        assertEquals("Swapped the bin at the counter.", tracking.path("updates").get(0).path("message").asText());
    }

    @Test
    void theSameChecksAsAResidentsReportApplyAndEveryProblemIsNamedTogether() {
        Map<String, Object> body = new HashMap<>(Reports.missedBin("not-an-email"));
        body.put("resolvedAtFirstContact", true);
        Api.Reply reply = sam.post("/staff/requests", body);
        assertEquals(400, reply.status(), reply.body());
        assertNotNull(reply.error("contact.email"), reply.body());
        assertNotNull(reply.error("channel"), reply.body());
        assertNotNull(reply.error("resolution"), reply.body());

        Map<String, Object> field = call(StaffApi.email(), "carrier-pigeon");
        assertTrue(sam.post("/staff/requests", field).error("channel").contains("phone, counter, email or field"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMakesNoSecondRequest() {
        String body = Json.write(call(StaffApi.email(), "field"));
        StaffApi.as(SAM);
        Map<String, String> headers = new HashMap<>();
        var tokens = TestStack.get().staffTokens();
        headers.put("Authorization", tokens.bearer(tokens.idToken(SAM)));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Api.Reply first = TestStack.api().post("/staff/requests", body, headers);
        Api.Reply again = TestStack.api().post("/staff/requests", body, headers);
        assertEquals(201, first.status(), first.body());
        assertEquals(first.body(), again.body());
    }
}

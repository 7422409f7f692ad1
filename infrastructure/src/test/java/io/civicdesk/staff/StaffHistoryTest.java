package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.staff.StaffApi.ELLA;
import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who did what and when, kept for good; and what of it the resident sees. */
class StaffHistoryTest {
    private final StaffApi sam = StaffApi.as(SAM);

    @Test
    void everyChangeAppendsWhoWhenWhatBeforeAndAfterAndNeverRewritesAnEarlierEntry() {
        String reference = StaffApi.residentReport(StaffApi.email());
        sam.done(reference, Map.of("action", "acknowledge", "publicMessage", "We are on it."));
        JsonNode early = sam.view(reference).path("history");
        sam.done(reference, Map.of("action", "assign", "officerId", ELLA.id(), "note", "Ella's round."));
        StaffApi.as(ELLA).done(reference, Map.of("action", "priority", "priority", "urgent"));
        JsonNode history = StaffApi.as(ELLA).done(reference, Map.of("action", "note", "note", "Checked the camera.")).path("history");

        assertEquals(5, history.size());
        for (int i = 0; i < early.size(); i++) {
            assertEquals(early.get(i), history.get(i), "entry " + i + " is unchanged");
        }
        JsonNode created = history.get(0);
        assertEquals("created", created.path("action").asText());
        assertTrue(created.path("by").isNull(), "a resident's own report has no member of staff");
        assertEquals("online", created.path("after").path("channel").asText());
        JsonNode acknowledged = history.get(1);
        assertEquals(SAM.id(), acknowledged.path("by").path("id").asText());
        assertEquals("received", acknowledged.path("before").path("status").asText());
        assertEquals("acknowledged", acknowledged.path("after").path("status").asText());
        assertEquals("public", acknowledged.path("visibility").asText());
        assertEquals("email", acknowledged.path("delivery").asText());
        JsonNode assigned = history.get(2);
        assertEquals("assign", assigned.path("action").asText());
        assertTrue(assigned.path("before").path("assigneeId").isNull());
        assertEquals(ELLA.id(), assigned.path("after").path("assigneeId").asText());
        assertEquals("internal", assigned.path("visibility").asText());
        assertEquals("normal", history.get(3).path("before").path("priority").asText());
        assertEquals("urgent", history.get(3).path("after").path("priority").asText());
        assertEquals(ELLA.id(), history.get(4).path("by").path("id").asText());
        for (int i = 1; i < history.size(); i++) {
            assertTrue(history.get(i).path("at").asText().compareTo(history.get(i - 1).path("at").asText()) >= 0);
        }
    }

    @Test
    void theResidentsTrackingPageShowsPublicUpdatesOnlyAndTheMailCarriesThem() {
        String email = StaffApi.email();
        String reference = StaffApi.residentReport(email);
        sam.done(reference, Map.of("action", "status", "status", "in-progress",
                "publicMessage", "A truck comes back this afternoon.", "note", "Driver said the street was blocked."));
        sam.done(reference, Map.of("action", "note", "note", "Internal only: resident is a councillor's neighbour."));

        Api.Reply tracking = TestStack.api().get("/requests/" + reference);
        assertEquals(200, tracking.status());
        assertFalse(tracking.body().contains("Driver said"), tracking.body());
        assertFalse(tracking.body().contains("Internal only"), tracking.body());
        List<String> messages = new ArrayList<>();
        tracking.json().path("updates").forEach(update -> messages.add(update.path("message").asText()));
        assertEquals(2, messages.size(), messages.toString());
        assertEquals("A truck comes back this afternoon.", messages.get(0), "newest first");
        assertEquals("in-progress", tracking.json().path("status").asText());
        Message mail = Mailbox.awaitMailTo(email, m -> m.subject().startsWith("Update on your report"));
        assertTrue(mail.text().contains("A truck comes back this afternoon."));
        assertFalse(mail.text().contains("Driver said"));
    }

    @Test
    void aResidentWhoAskedForACallIsNotMailedTheOfficerIsToldToCall() {
        String email = StaffApi.email();
        Map<String, Object> report = new HashMap<>(Reports.missedBin(email));
        report.put("preferredChannel", "phone");
        String reference = StaffApi.residentReport(report);
        JsonNode view = sam.done(reference, Map.of("action", "message", "publicMessage", "We will call you back."));
        assertTrue(view.path("contactInstruction").asText().contains("call +61412345678"), view.toString());
        JsonNode entry = view.path("history").get(view.path("history").size() - 1);
        assertEquals("officer-to-call", entry.path("delivery").asText());
        // The confirmation goes (it always does when there is an address); no update mail was written with the change.
        int updateMails = TestStack.get().dynamoDb().scan(scan -> scan.tableName("OutboxTable")
                .filterExpression("#reference = :reference AND purpose = :update")
                .expressionAttributeNames(Map.of("#reference", "reference"))
                .expressionAttributeValues(Map.of(":reference", AttributeValue.fromS(reference),
                        ":update", AttributeValue.fromS("request-update")))).count();
        assertEquals(0, updateMails);
    }
}

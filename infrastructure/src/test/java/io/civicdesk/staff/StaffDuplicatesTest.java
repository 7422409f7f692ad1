package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Marking a request as a duplicate of another: never of itself, never in a cycle; its resident follows the original. */
class StaffDuplicatesTest {
    private final StaffApi sam = StaffApi.as(SAM);

    private static String display(String reference) {
        return reference.substring(0, 4) + "-" + reference.substring(4);
    }

    @Test
    void aRequestCannotBeADuplicateOfItselfOrOfARequestThatDoesNotExist() {
        String reference = StaffApi.residentReport(StaffApi.email());
        long version = sam.view(reference).path("version").asLong();
        Api.Reply self = sam.act(reference, Map.of("action", "duplicate", "originalReference", display(reference).toLowerCase()));
        assertEquals(400, self.status(), self.body());
        assertTrue(self.error("originalReference").contains("itself"), self.body());
        Api.Reply unknown = sam.act(reference, Map.of("action", "duplicate", "originalReference", "ZZZZ-ZZZZ"));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.error("originalReference").contains("no request"), unknown.body());
        assertEquals(version, sam.view(reference).path("version").asLong(), "nothing saved");
    }

    @Test
    void theDuplicatesResidentIsToldTheOriginalsReferenceAndFollowsItsUpdates() {
        String originalEmail = StaffApi.email();
        String duplicateEmail = StaffApi.email();
        String original = StaffApi.residentReport(originalEmail);
        String duplicate = StaffApi.residentReport(duplicateEmail);

        JsonNode closed = sam.done(duplicate, Map.of("action", "duplicate", "originalReference", original,
                "note", "Same street, same morning."));
        assertEquals("closed", closed.path("status").asText());
        assertEquals(original, closed.path("duplicateOf").asText());
        assertEquals(List.of("message", "note"), texts(closed.path("allowedActions")), "a duplicate is worked on its original");

        // Told on the tracking page and by mail, with the original's reference.
        JsonNode tracking = TestStack.api().get("/requests/" + duplicate).json();
        assertEquals("closed", tracking.path("status").asText());
        assertTrue(tracking.path("updates").get(0).path("message").asText().contains(display(original)), tracking.toString());
        Message told = Mailbox.awaitMailTo(duplicateEmail, mail -> mail.subject().startsWith("Update on your report"));
        assertTrue(told.text().contains(display(original)), told.text());

        // The original knows its duplicate, and its public updates reach the duplicate's resident too.
        JsonNode originalView = sam.view(original);
        assertEquals(List.of(duplicate), texts(originalView.path("duplicates")));
        JsonNode linked = originalView.path("history").get(originalView.path("history").size() - 1);
        assertEquals("duplicate-linked", linked.path("action").asText());
        assertEquals("internal", linked.path("visibility").asText());
        sam.done(original, Map.of("action", "status", "status", "in-progress", "publicMessage", "A truck is on its way to the street."));
        Message followed = Mailbox.awaitMailTo(duplicateEmail, mail -> mail.subject().startsWith("Update on the report you follow"));
        assertTrue(followed.text().contains("A truck is on its way"), followed.text());
        assertTrue(followed.text().contains(display(duplicate)), "says which of their reports it follows: " + followed.text());
        Mailbox.awaitMailTo(originalEmail, mail -> mail.text().contains("A truck is on its way"));

        Api.Reply work = sam.act(duplicate, Map.of("action", "status", "status", "in-progress"));
        assertEquals(409, work.status(), work.body());
        assertTrue(work.json().path("message").asText().contains(display(original)), work.body());
    }

    @Test
    void linkingBackToOwnDuplicateIsACycleAndLinkingToADuplicateNamesItsOriginal() {
        String a = StaffApi.residentReport(StaffApi.email());
        String b = StaffApi.residentReport(StaffApi.email());
        String c = StaffApi.residentReport(StaffApi.email());
        sam.done(a, Map.of("action", "duplicate", "originalReference", b));
        // B → A would close the loop A → B → A. A is already closed as a duplicate, so B names it as the original:
        Api.Reply cycle = sam.act(b, Map.of("action", "duplicate", "originalReference", a));
        assertEquals(400, cycle.status(), cycle.body());
        assertTrue(cycle.error("originalReference").contains("cycle"), cycle.body());
        Api.Reply chain = sam.act(c, Map.of("action", "duplicate", "originalReference", a));
        assertEquals(400, chain.status(), chain.body());
        assertTrue(chain.error("originalReference").contains("Link this request to " + display(b)), chain.body());
        assertEquals("received", sam.view(b).path("status").asText(), "nothing saved");
        assertEquals("received", sam.view(c).path("status").asText(), "nothing saved");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}

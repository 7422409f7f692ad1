package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.civicdesk.staff.StaffApi.ADMIN;
import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request moving through its service's workflow, and the changes the workflow refuses. */
@DependsOnTheDate
class StaffWorkflowTransitionsTest {
    private final StaffApi sam = StaffApi.as(SAM);

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.isTextual() ? node.asText() : node.path("status").asText()));
        return texts;
    }

    @Test
    void acknowledgingMovesToAcknowledgedOnceAndTheResolutionBecomesDue() {
        String reference = StaffApi.residentReport(StaffApi.email());
        JsonNode before = sam.view(reference);
        assertEquals("response", before.path("sla").path("due").path("kind").asText());
        assertTrue(texts(before.path("allowedActions")).contains("acknowledge"));

        JsonNode after = sam.done(reference, Map.of("action", "acknowledge"));
        assertEquals("acknowledged", after.path("status").asText());
        assertFalse(after.path("sla").path("acknowledgedAt").isNull());
        assertEquals("resolution", after.path("sla").path("due").path("kind").asText());
        assertFalse(texts(after.path("allowedActions")).contains("acknowledge"));

        Api.Reply again = sam.act(reference, Map.of("action", "acknowledge"));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.json().path("message").asText().contains("already been acknowledged"), again.body());
        assertEquals(after.path("version").asLong(), again.json().path("current").path("version").asLong(), "nothing saved");
    }

    @Test
    void aTransitionOutsideTheWorkflowAnswers409NamingTheAllowedOnesAndSavesNothing() {
        String reference = StaffApi.residentReport(StaffApi.email());
        sam.done(reference, Map.of("action", "status", "status", "in-progress"));
        long version = sam.view(reference).path("version").asLong();

        Api.Reply back = sam.act(reference, Map.of("action", "status", "status", "received"));
        assertEquals(409, back.status(), back.body());
        assertEquals(List.of("waiting-on-customer", "resolved", "closed"), texts(back.json().path("allowedNextStatuses")));
        assertTrue(back.json().path("message").asText().contains("waiting-on-customer, resolved, closed"), back.body());
        assertEquals(version, sam.view(reference).path("version").asLong());

        Api.Reply unknown = sam.act(reference, Map.of("action", "status", "status", "teleported"));
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.error("status").contains("no status teleported"), unknown.body());
        assertEquals(version, sam.view(reference).path("version").asLong());
    }

    @Test
    void waitingOnTheCustomerPausesTheClockUntilWorkResumes() {
        String reference = StaffApi.residentReport(StaffApi.email());
        JsonNode waiting = sam.done(reference, Map.of("action", "status", "status", "waiting-on-customer",
                "publicMessage", "Which bin was it?"));
        assertTrue(waiting.path("paused").asBoolean());
        assertFalse(waiting.path("sla").path("overdue").asBoolean(), "a paused request is never overdue");
        JsonNode resumed = sam.done(reference, Map.of("action", "status", "status", "in-progress"));
        assertFalse(resumed.path("paused").asBoolean());
    }

    @Test
    void aResolvedRequestIsFinalOnlyClosingOrReopeningMoveItAndReopeningClearsTheResolution() {
        String reference = StaffApi.residentReport(StaffApi.email());
        JsonNode resolved = sam.done(reference, Map.of("action", "resolve", "resolution", "Emptied this morning."));
        assertEquals("resolved", resolved.path("status").asText());
        assertTrue(resolved.path("final").asBoolean());
        assertEquals("Emptied this morning.", resolved.path("resolution").asText());
        assertTrue(resolved.path("sla").path("due").isNull(), "nothing is due once finished");
        assertEquals(List.of("closed", "in-progress"), texts(resolved.path("allowedNextStatuses")));

        Api.Reply priority = sam.act(reference, Map.of("action", "priority", "priority", "high"));
        assertEquals(409, priority.status(), priority.body());
        assertTrue(priority.json().path("message").asText().contains("reopen it first"), priority.body());
        Api.Reply sideways = sam.act(reference, Map.of("action", "status", "status", "acknowledged"));
        assertEquals(409, sideways.status(), sideways.body());

        JsonNode closed = sam.done(reference, Map.of("action", "close"));
        assertEquals("closed", closed.path("status").asText());
        assertEquals(List.of("in-progress"), texts(closed.path("allowedNextStatuses")));

        JsonNode reopened = sam.done(reference, Map.of("action", "reopen", "publicMessage", "The truck missed it again."));
        assertEquals("in-progress", reopened.path("status").asText());
        assertFalse(reopened.path("final").asBoolean());
        assertTrue(reopened.path("resolution").isNull());
        assertTrue(reopened.path("sla").path("resolvedAt").isNull());
        assertEquals("resolution", reopened.path("sla").path("due").path("kind").asText());
        List<String> actions = new ArrayList<>();
        reopened.path("history").forEach(entry -> actions.add(entry.path("action").asText()));
        assertEquals(List.of("created", "resolve", "close", "reopen"), actions);
    }

    @Test
    void reopeningARequestThatIsStillOpenAnswers409() {
        String reference = StaffApi.residentReport(StaffApi.email());
        Api.Reply reopen = sam.act(reference, Map.of("action", "reopen"));
        assertEquals(409, reopen.status(), reopen.body());
        assertTrue(reopen.json().path("message").asText().contains("nothing to reopen"), reopen.body());
    }

    @Test
    void anAdministratorsWorkflowForAServiceIsFollowedAndAnUnsoundOneIsRefused() {
        StaffApi.OwnUnit unit = StaffApi.OwnUnit.create("workflow");
        StaffApi admin = StaffApi.as(ADMIN);
        String path = "/staff/workflows/" + unit.serviceId();
        assertEquals("default", admin.get(path).json().path("source").asText());

        Api.Reply unsound = admin.put(path, Map.of("workflow", Map.of(
                "statuses", List.of(Map.of("id", "received", "label", "Received"), Map.of("id", "limbo", "label", "Limbo")),
                "transitions", Map.of("received", List.of("limbo", "nowhere")))));
        assertEquals(400, unsound.status(), unsound.body());
        assertTrue(unsound.error("workflow.transitions.received[1]").contains("no status nowhere"), unsound.body());
        assertTrue(unsound.error("workflow.statuses").contains("final"), unsound.body());
        assertEquals("default", admin.get(path).json().path("source").asText(), "nothing saved");

        Api.Reply saved = admin.put(path, Map.of("workflow", Map.of(
                "statuses", List.of(
                        Map.of("id", "received", "label", "Received"),
                        Map.of("id", "with-contractor", "label", "With our contractor", "pausesClock", true),
                        Map.of("id", "closed", "label", "Closed", "final", true)),
                "transitions", Map.of("received", List.of("with-contractor", "closed"),
                        "with-contractor", List.of("closed"), "closed", List.of("with-contractor")))));
        assertEquals(200, saved.status(), saved.body());
        assertEquals("service", saved.json().path("source").asText());
        assertEquals("demo-admin", saved.json().path("updatedBy").path("id").asText());

        StaffApi officer = StaffApi.as(unit.officer());
        String reference = StaffApi.residentReport(unit.report(StaffApi.email()));
        JsonNode fresh = officer.view(reference);
        assertEquals(List.of("with-contractor", "closed"), texts(fresh.path("allowedNextStatuses")));
        assertFalse(texts(fresh.path("allowedActions")).contains("acknowledge"), "this workflow has no acknowledged status");
        assertFalse(texts(fresh.path("allowedActions")).contains("resolve"));
        Api.Reply acknowledge = officer.act(reference, Map.of("action", "acknowledge"));
        assertEquals(409, acknowledge.status(), acknowledge.body());

        JsonNode withContractor = officer.done(reference, Map.of("action", "status", "status", "with-contractor"));
        assertTrue(withContractor.path("paused").asBoolean());
        assertEquals("With our contractor", withContractor.path("statusLabel").asText());

        Api.Reply reset = admin.put(path, Map.of("useDefault", true));
        assertEquals(200, reset.status(), reset.body());
        assertEquals("default", reset.json().path("source").asText());
    }
}

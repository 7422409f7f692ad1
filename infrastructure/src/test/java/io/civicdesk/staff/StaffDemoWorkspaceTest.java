package io.civicdesk.staff;

import io.civicdesk.testing.DependsOnTheDate;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.civicdesk.staff.StaffApi.PRIYA;
import static io.civicdesk.staff.StaffApi.SAM;
import static io.civicdesk.staff.StaffApi.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo council's workspace (DemoWorkspace) gives a first sign-in a queue worth looking at. */
@DependsOnTheDate
class StaffDemoWorkspaceTest {

    private static List<String> actions(JsonNode view) {
        List<String> actions = new ArrayList<>();
        view.path("history").forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }

    @Test
    void wasteHasNewOverdueAssignedPausedUrgentAndFinishedRequests() {
        StaffApi sam = StaffApi.as(SAM);
        JsonNode open = sam.get("/staff/queue").json();
        JsonNode counts = open.path("counts");
        assertTrue(counts.path("open").asInt() >= 6, counts.toString());
        assertTrue(counts.path("overdue").asInt() >= 1, counts.toString());
        assertTrue(counts.path("paused").asInt() >= 1, counts.toString());
        assertTrue(counts.path("assignedToMe").asInt() >= 1, counts.toString());
        assertTrue(counts.path("byPriority").path("urgent").asInt() >= 1, counts.toString());
        assertTrue(counts.path("byStatus").path("received").asInt() >= 1, counts.toString());
        JsonNode done = sam.get("/staff/queue?view=done").json();
        List<String> finished = new ArrayList<>();
        done.path("items").forEach(item -> finished.add(item.path("status").asText()));
        assertTrue(finished.contains("closed") && finished.contains("resolved"), finished.toString());
        List<String> channels = new ArrayList<>();
        done.path("items").forEach(item -> channels.add(item.path("channel").asText()));
        open.path("items").forEach(item -> channels.add(item.path("channel").asText()));
        assertTrue(channels.containsAll(List.of("online", "phone", "counter")), channels.toString());
        JsonNode first = sam.view(done.path("items").get(0).path("reference").asText());
        assertTrue(actions(first).size() >= 2, "a finished demo request has a history: " + actions(first));
    }

    @Test
    void roadsHasWorkAndParksHasTheRequestRoadsReferredToIt() {
        assertTrue(StaffApi.as(PRIYA).get("/staff/queue").json().path("counts").path("open").asInt() >= 2);
        JsonNode parks = StaffApi.as(SUPERVISOR).get("/staff/queue?unit=parks").json();
        boolean referred = false;
        for (JsonNode item : parks.path("items")) {
            referred |= actions(StaffApi.as(SUPERVISOR).view(item.path("reference").asText())).contains("refer");
        }
        assertTrue(referred, "a referral from roads to parks");
    }
}

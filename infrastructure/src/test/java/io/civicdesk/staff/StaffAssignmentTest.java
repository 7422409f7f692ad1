package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.civicdesk.staff.StaffApi.ELLA;
import static io.civicdesk.staff.StaffApi.PRIYA;
import static io.civicdesk.staff.StaffApi.SAM;
import static io.civicdesk.staff.StaffApi.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assigning within a unit, referring between units, and who may then act. */
class StaffAssignmentTest {
    private final StaffApi sam = StaffApi.as(SAM);

    @Test
    void anOfficerOfTheUnitCanBeAssignedAndUnassigned() {
        String reference = StaffApi.residentReport(StaffApi.email());
        JsonNode assigned = sam.done(reference, Map.of("action", "assign", "officerId", ELLA.id()));
        assertEquals(ELLA.id(), assigned.path("assignee").path("id").asText());
        assertEquals("Ella Brown", assigned.path("assignee").path("name").asText());
        Api.Reply again = sam.act(reference, Map.of("action", "assign", "officerId", ELLA.id()));
        assertEquals(409, again.status(), again.body());
        Api.Reply unassign = sam.post("/staff/requests/" + reference + "/actions",
                "{\"action\": \"assign\", \"officerId\": null, \"expectedVersion\": " + assigned.path("version").asLong() + "}");
        assertEquals(200, unassign.status(), unassign.body());
        assertTrue(unassign.json().path("assignee").isNull());
    }

    @Test
    void anOfficerOfAnotherUnitOrAnUnknownOneCannotBeAssignedAndNothingIsSaved() {
        String reference = StaffApi.residentReport(StaffApi.email());
        long version = sam.view(reference).path("version").asLong();
        Api.Reply roads = sam.act(reference, Map.of("action", "assign", "officerId", PRIYA.id()));
        assertEquals(400, roads.status(), roads.body());
        assertTrue(roads.error("officerId").contains("Priya Sharma works in Roads and Drainage, not in Waste Services"), roads.body());
        Api.Reply supervisor = sam.act(reference, Map.of("action", "assign", "officerId", SUPERVISOR.id()));
        assertTrue(supervisor.error("officerId").contains("across units"), supervisor.body());
        Api.Reply nobody = sam.act(reference, Map.of("action", "assign", "officerId", "no-such-person"));
        assertTrue(nobody.error("officerId").contains("no member of staff"), nobody.body());
        assertEquals(version, sam.view(reference).path("version").asLong());
    }

    @Test
    void aReferralToAnotherUnitIsRecordedAsOneAndMovesTheRequestToThatUnitsQueue() {
        String reference = StaffApi.residentReport(StaffApi.email());
        sam.done(reference, Map.of("action", "assign", "officerId", SAM.id()));
        JsonNode referred = sam.done(reference, Map.of("action", "assign", "unitId", "roads",
                "note", "It is a drain, not a bin."));
        assertEquals("roads", referred.path("unit").path("id").asText());
        assertEquals("Roads and Drainage", referred.path("unit").path("name").asText());
        assertTrue(referred.path("assignee").isNull(), "the referral leaves it for the new unit to assign");
        assertFalse(referred.path("canAct").asBoolean(), "it is no longer Sam's unit's");
        JsonNode entry = referred.path("history").get(referred.path("history").size() - 1);
        assertEquals("refer", entry.path("action").asText());
        assertEquals("waste", entry.path("before").path("unit").asText());
        assertEquals("roads", entry.path("after").path("unit").asText());
        assertEquals("It is a drain, not a bin.", entry.path("note").asText());

        Api.Reply samAgain = sam.act(reference, Map.of("action", "note", "note", "One more thing."));
        assertEquals(403, samAgain.status(), samAgain.body());
        StaffApi priya = StaffApi.as(PRIYA);
        assertTrue(priya.view(reference).path("canAct").asBoolean());
        assertTrue(queueOf(priya, "roads").contains(reference));
        assertFalse(queueOf(sam, "waste").contains(reference));
        priya.done(reference, Map.of("action", "assign", "officerId", PRIYA.id()));
    }

    @Test
    void aReferralToAnUnknownUnitIsRefused() {
        String reference = StaffApi.residentReport(StaffApi.email());
        Api.Reply reply = sam.act(reference, Map.of("action", "assign", "unitId", "space-program"));
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.error("unitId").contains("no unit space-program"));
    }

    @Test
    void theOfficersOfAUnitAreListedByNameAndMeSaysWhoIsAsking() {
        JsonNode officers = sam.get("/staff/officers").json();
        assertEquals("waste", officers.path("unit").path("id").asText());
        List<String> names = new ArrayList<>();
        officers.path("officers").forEach(o -> names.add(o.path("name").asText()));
        assertEquals(List.of("Ella Brown", "Sam Nguyen"), names);
        JsonNode me = sam.get("/staff/me").json();
        assertEquals(SAM.id(), me.path("id").asText());
        assertEquals("Waste Services", me.path("unit").path("name").asText());
        assertEquals(List.of("officer"), Json.MAPPER.convertValue(me.path("roles"), List.class));
        assertTrue(me.path("can").path("handleRequests").asBoolean());
        assertFalse(me.path("can").path("editWorkflows").asBoolean());
    }

    private static List<String> queueOf(StaffApi who, String unit) {
        List<String> refs = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = who.get("/staff/queue?unit=" + unit + "&limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(item -> refs.add(item.path("reference").asText()));
            cursor = page.path("nextCursor").isMissingNode() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return refs;
    }
}

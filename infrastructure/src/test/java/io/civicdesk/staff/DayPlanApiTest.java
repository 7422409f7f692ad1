package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.civicdesk.staff.StaffApi.ELLA;
import static io.civicdesk.staff.StaffApi.PRIYA;
import static io.civicdesk.staff.StaffApi.SAM;
import static io.civicdesk.staff.StaffApi.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A supervisor plans an officer's day through the local gateway (docs/field.md): the order of the officer's open
 * requests, saved on the version read, read back by the officer; a save over someone else's is refused with
 * theirs; a plan naming someone else's request, a finished one, or a malformed one is refused naming it.
 */
class DayPlanApiTest {
    private final StaffApi supervisor = StaffApi.as(SUPERVISOR);
    // A day of this test's own: other tests plan today.
    private final String ellasDay = "/staff/day-plans/" + ELLA.id() + "/" + TestStack.today().plusDays(3);

    private static String assignedTo(String officerId) {
        String reference = StaffApi.residentReport(StaffApi.email());
        StaffApi.as(SUPERVISOR).done(reference, Map.of("action", "assign", "officerId", officerId));
        return reference;
    }

    @Test
    void aSupervisorPlansAnOfficersDayAndTheOfficerReadsItInThatOrder() {
        String first = assignedTo(ELLA.id());
        String second = assignedTo(ELLA.id());
        Api.Reply none = StaffApi.as(ELLA).get(ellasDay);
        assertEquals(200, none.status(), none.body());
        assertEquals(0, none.json().path("version").asLong(), "a day nobody planned");
        assertTrue(none.json().path("references").isEmpty());

        Api.Reply planned = supervisor.put(ellasDay, Map.of("references", List.of(second, first), "expectedVersion", 0));
        assertEquals(200, planned.status(), planned.body());
        JsonNode read = StaffApi.as(ELLA).get(ellasDay).json();
        assertEquals(List.of(second, first), List.of(read.path("references").get(0).asText(), read.path("references").get(1).asText()));
        assertEquals(1, read.path("version").asLong());
        assertEquals("Jordan Lee", read.path("plannedBy").path("name").asText());

        Api.Reply stale = supervisor.put(ellasDay, Map.of("references", List.of(first), "expectedVersion", 0));
        assertEquals(409, stale.status(), stale.body());
        assertEquals(1, stale.json().path("current").path("version").asLong());
        assertEquals(2, StaffApi.as(ELLA).get(ellasDay).json().path("references").size(), "nothing was overwritten");
        assertEquals(200, supervisor.put(ellasDay, Map.of("references", List.of(first), "expectedVersion", 1)).status());
    }

    @Test
    void onlySupervisorsPlanAndOfficersReadOnlyTheirOwnDay() {
        assertEquals(403, StaffApi.as(ELLA).put(ellasDay, Map.of("references", List.of(), "expectedVersion", 0)).status());
        assertEquals(403, StaffApi.as(SAM).get(ellasDay).status());
        assertEquals(403, StaffApi.as(PRIYA).get(ellasDay).status());
        assertEquals(200, supervisor.get(ellasDay).status());
    }

    @Test
    void aPlanOfSomeoneElsesAFinishedOrAMalformedRequestIsRefusedNamingIt() {
        // A day no other test plans, so that "nothing half-written" is this test's to say.
        String untouchedDay = "/staff/day-plans/" + ELLA.id() + "/" + TestStack.today().plusDays(4);
        String samsRequest = assignedTo(SAM.id());
        Api.Reply notHers = supervisor.put(untouchedDay, Map.of("references", List.of(samsRequest), "expectedVersion", 0));
        assertEquals(400, notHers.status(), notHers.body());
        notHers.assertNames("references[0]");

        String finished = assignedTo(ELLA.id());
        supervisor.done(finished, Map.of("action", "resolve", "resolution", "Bin emptied."));
        Api.Reply done = supervisor.put(untouchedDay, Map.of("references", List.of(finished), "expectedVersion", 0));
        assertEquals(400, done.status(), done.body());
        done.assertNames("references[0]");

        Api.Reply malformed = supervisor.put(untouchedDay, Map.of("references", List.of("NOT-A-REF!", samsRequest, samsRequest),
                "expectedVersion", "1"));
        assertEquals(400, malformed.status(), malformed.body());
        malformed.assertNames("references[0]");
        malformed.assertNames("references[2]");
        malformed.assertNames("expectedVersion");

        Api.Reply badDay = supervisor.get("/staff/day-plans/" + ELLA.id() + "/2026-02-30");
        assertEquals(400, badDay.status(), badDay.body());
        badDay.assertNames("date");
        assertEquals(0, supervisor.get(untouchedDay).json().path("version").asLong(), "nothing half-written");
    }
}

package io.civicdesk.staff;

import java.util.Optional;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.directory.StaffMember;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.civicdesk.staff.StaffApi.ADMIN;
import static io.civicdesk.staff.StaffApi.SAM;
import static io.civicdesk.staff.StaffApi.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Administrators manage business calendars and service-level policies through the gateway. Each test works on
 * calendars, policies and services of its own (the demo's stay as they are), and submits through a fresh
 * {@link SubmitRequestService}: the functions keep policies and calendars for five minutes per container.
 */
class StaffServiceLevelsAdminTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private final StaffApi admin = StaffApi.as(ADMIN);
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private static Map<String, Object> officeHours(String zone) {
        Map<String, Object> hours = new HashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            hours.put(day, List.of("08:30-17:00"));
        }
        return Map.of("timeZone", zone, "openingHours", hours, "holidays", List.of());
    }

    private static int freeOrder() {
        return 100_000 + new SecureRandom().nextInt(800_000);
    }

    private JsonNode ok(int status, Api.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void aHolidayAnAdministratorAddsMovesTheDueTimeOfARequestSubmittedAfterIt() throws Exception {
        StaffApi.OwnUnit unit = StaffApi.OwnUnit.create("holiday");
        String calendarId = "cal-" + suffix;
        ok(200, admin.put("/staff/calendars/" + calendarId, officeHours("Australia/Perth")));
        ok(200, admin.put("/staff/policies/pol-" + suffix, Map.of("order", freeOrder(), "serviceId", unit.serviceId(),
                "firstResponseMinutes", 60, "resolutionMinutes", 510, "warningPercents", List.of(75), "calendarId", calendarId)));
        // Monday 09:00 with one business day (510 minutes) to resolve: Tuesday 09:00, unless Tuesday is a holiday.
        JsonNode calendar = ok(201, admin.post("/staff/calendars/" + calendarId + "/holidays",
                Map.of("date", "2030-03-05", "name", "Local show day")));
        assertEquals("Local show day", calendar.path("holidays").get(0).path("name").asText());
        assertEquals("2030-03-05", calendar.path("holidays").get(0).path("date").asText());

        Clock monday = Clock.fixed(ZonedDateTime.of(2030, 3, 4, 9, 0, 0, 0, PERTH).toInstant(), PERTH);
        CatalogStore catalog = new CatalogStore(TestStack.get().dynamoDb(), "CatalogTable");
        SubmitRequestService submissions = RequestWiring.of(TestStack.get().dynamoDb(), "RequestsTable", "CatalogTable",
                "OutboxTable", monday, "http://portal.test").submissions();
        Map<String, Object> report = unit.report(StaffApi.email());
        report.put("answers", Map.of("bin-type", "Recycling (yellow lid)", "collection-day", "2030-03-04", "out-by-6am", "Yes"));
        String reference = Json.MAPPER.readTree(submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(report)), Optional.empty()).body())
                .path("reference").asText();

        JsonNode measured = admin.view(reference).path("sla").path("measured");
        assertEquals("pol-" + suffix, measured.path("policyId").asText(), measured.toString());
        assertEquals(ZonedDateTime.of(2030, 3, 6, 9, 0, 0, 0, PERTH).toInstant(),
                Instant.parse(measured.path("resolutionDueAt").asText()), "past the holiday, to Wednesday 09:00");

        JsonNode removed = ok(200, admin.delete("/staff/calendars/" + calendarId + "/holidays/2030-03-05"));
        assertEquals(0, removed.path("holidays").size());
        assertEquals(404, admin.delete("/staff/calendars/" + calendarId + "/holidays/2030-03-05").status(), "already gone");
        assertEquals(404, admin.post("/staff/calendars/no-such-" + suffix + "/holidays",
                Map.of("date", "2030-03-05", "name", "Show day")).status());
    }

    @Test
    void aSydneyCalendarKeepsItsZoneAndSeveralSpansADayAndTheListShowsWhatPoliciesUse() {
        String calendarId = "sydney-" + suffix;
        Map<String, Object> body = Map.of("timeZone", "Australia/Sydney", "openingHours", Map.of(
                        "monday", List.of("13:00-17:00", "08:00-12:00"), "saturday", List.of("09:00-12:00"), "sunday", List.of()),
                "holidays", List.of(Map.of("date", "2030-01-27", "name", "Australia Day (observed)")));
        JsonNode saved = ok(200, admin.put("/staff/calendars/" + calendarId, body));
        assertEquals("Australia/Sydney", saved.path("timeZone").asText());
        assertEquals("[\"08:00-12:00\",\"13:00-17:00\"]", saved.path("openingHours").path("monday").toString(), "in order");
        assertEquals(0, saved.path("openingHours").path("tuesday").size(), "closed");

        StaffApi.OwnUnit unit = StaffApi.OwnUnit.create("sydney");
        String policyId = "sydney-" + suffix;
        int order = freeOrder();
        ok(200, admin.put("/staff/policies/" + policyId, Map.of("order", order, "serviceId", unit.serviceId(),
                "priority", "high", "firstResponseMinutes", 120, "resolutionMinutes", 960, "keepInformedMinutes", 480,
                "warningPercents", List.of(75, 50), "calendarId", calendarId)));

        JsonNode all = ok(200, admin.get("/staff/service-levels"));
        JsonNode listed = find(all.path("calendars"), calendarId);
        assertEquals(saved, listed, "kept as saved");
        assertTrue(find(all.path("calendars"), all.path("councilCalendarId").asText()) != null, "the council's own");
        JsonNode policy = find(all.path("policies"), policyId);
        assertEquals(order, policy.path("order").asInt());
        assertEquals("[50,75]", policy.path("warningPercents").toString());
        assertEquals(480, policy.path("keepInformedMinutes").asInt());
        List<Integer> orders = new ArrayList<>();
        all.path("policies").forEach(p -> orders.add(p.path("order").asInt()));
        assertEquals(orders.stream().sorted().toList(), orders, "in order");

        // Moving the policy frees its old place for another; deleting it frees its new one.
        int moved = freeOrder();
        ok(200, admin.put("/staff/policies/" + policyId, Map.of("order", moved, "serviceId", unit.serviceId(),
                "firstResponseMinutes", 120, "resolutionMinutes", 960)));
        ok(200, admin.put("/staff/policies/other-" + suffix, Map.of("order", order, "serviceId", unit.serviceId(),
                "firstResponseMinutes", 60, "resolutionMinutes", 60)));
        JsonNode afterDelete = ok(200, admin.delete("/staff/policies/" + policyId));
        assertEquals(null, find(afterDelete.path("policies"), policyId));
        assertEquals(404, admin.delete("/staff/policies/" + policyId).status());
        ok(200, admin.put("/staff/policies/again-" + suffix, Map.of("order", moved, "serviceId", unit.serviceId(),
                "firstResponseMinutes", 60, "resolutionMinutes", 60)));
    }

    @Test
    void eachMistakeIsA400NamingItsFieldAndNothingIsWritten() {
        String calendarId = "checked-" + suffix;
        ok(200, admin.put("/staff/calendars/" + calendarId, officeHours("Australia/Perth")));

        Api.Reply calendar = admin.put("/staff/calendars/" + calendarId, Map.of("timeZone", "Perth/Australia",
                "openingHours", Map.of("monday", List.of("08:30-12:30", "12:00-17:00"), "tuesday", List.of("17:00-08:30"),
                        "funday", List.of("09:00-10:00")),
                "holidays", List.of(Map.of("date", "2030-02-30", "name", "Nope"))));
        assertEquals(400, calendar.status(), calendar.body());
        assertTrue(calendar.error("timeZone").contains("Australia/Sydney"), calendar.body());
        assertTrue(calendar.error("openingHours.monday").contains("overlap"), calendar.body());
        assertTrue(calendar.error("openingHours.tuesday[0]").contains("08:30-17:00"), calendar.body());
        assertTrue(calendar.error("openingHours.funday").contains("monday to sunday"), calendar.body());
        assertTrue(calendar.error("holidays[0].date").contains("2026-12-24"), calendar.body());
        JsonNode unchanged = ok(201, admin.post("/staff/calendars/" + calendarId + "/holidays",
                Map.of("date", "2030-06-03", "name", "Checked"))).path("openingHours");
        assertEquals("[\"08:30-17:00\"]", unchanged.path("monday").toString(), "the bad calendar was not written");

        Api.Reply holiday = admin.post("/staff/calendars/" + calendarId + "/holidays", Map.of("date", "24/12/2030"));
        assertEquals(400, holiday.status(), holiday.body());
        assertTrue(holiday.error("date").contains("year-month-day"), holiday.body());
        assertTrue(holiday.error("name").contains("name"), holiday.body());

        // The demo's urgent policy holds place 20.
        String policyId = "checked-" + suffix;
        Api.Reply policy = admin.put("/staff/policies/" + policyId, Map.of("order", 20, "serviceId", "no-such-service-" + suffix,
                "priority", "very-high", "firstResponseMinutes", 600, "resolutionMinutes", 60, "warningPercents", List.of(0, 75),
                "calendarId", "no-such-calendar-" + suffix));
        assertEquals(400, policy.status(), policy.body());
        assertTrue(policy.error("order").contains("urgent"), policy.body());
        assertTrue(policy.error("serviceId").contains("no-such-service-" + suffix), policy.body());
        assertTrue(policy.error("priority").contains("low, normal, high or urgent"), policy.body());
        assertTrue(policy.error("resolutionMinutes").contains("at least the first response"), policy.body());
        assertTrue(policy.error("warningPercents[0]").contains("1 to 99"), policy.body());
        Api.Reply missing = admin.put("/staff/policies/" + policyId, Map.of("order", freeOrder(), "calendarId", "no-such-calendar-" + suffix));
        assertEquals(400, missing.status(), missing.body());
        assertTrue(missing.error("firstResponseMinutes").contains("whole number"), missing.body());
        // A well-formed policy for an unknown calendar is still refused, naming the calendar.
        Api.Reply unknownCalendar = admin.put("/staff/policies/" + policyId, Map.of("order", freeOrder(),
                "firstResponseMinutes", 60, "resolutionMinutes", 60, "serviceId", "missed-bin", "calendarId", "no-such-calendar-" + suffix));
        assertTrue(unknownCalendar.error("calendarId").contains("no-such-calendar-" + suffix), unknownCalendar.body());
        assertEquals(null, find(ok(200, admin.get("/staff/service-levels")).path("policies"), policyId), "nothing written");
    }

    @Test
    void onlyAdministratorsSeeOrChangeServiceLevels() {
        for (StaffMember member : List.of(SAM, SUPERVISOR, StaffApi.ACCOUNT_MANAGER)) {
            StaffApi staff = StaffApi.as(member);
            assertEquals(403, staff.get("/staff/service-levels").status());
            assertEquals(403, staff.put("/staff/policies/nope-" + suffix, "not even json").status(), "the role is checked first");
            assertEquals(403, staff.post("/staff/calendars/round-the-clock/holidays", Map.of("date", "2030-01-01", "name", "No")).status());
        }
        JsonNode me = ok(200, admin.get("/staff/me"));
        assertTrue(me.path("can").path("editServiceLevels").asBoolean());
        assertFalse(ok(200, StaffApi.as(SUPERVISOR).get("/staff/me")).path("can").path("editServiceLevels").asBoolean());
    }

    /** The item of a list with this id, or null. */
    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }
}

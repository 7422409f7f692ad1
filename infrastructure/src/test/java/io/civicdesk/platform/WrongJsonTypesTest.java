package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A number is a JSON number and a whole number is whole: "5" for a score, or 2.5 people, is a 400 naming the field,
 * never recorded as 5 or 2, and nothing is used up by it (a resident's one survey answer, a booking's time).
 */
class WrongJsonTypesTest {
    private static Api api;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
    }

    @Test
    void aCounterTapWithTheScoreAsTextIsRefusedAndNotCounted() {
        Api.Reply issued = api.post("/staff/counter-devices", Json.write(Map.of("unitId", "waste", "name", "Typed counter")),
                Api.signedInAs("demo-admin"));
        assertEquals(201, issued.status(), issued.body());
        String device = issued.json().path("counterLink").asText().replaceFirst(".*#device=", "");
        String reason = "typed-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        for (Object score : List.of("5", 4.5, true, List.of(5))) {
            api.post("/counter/answers", Json.write(Map.of("satisfaction", score, "reason", reason)),
                    Map.of("X-Counter-Key", device, "Idempotency-Key", key)).assertNames("satisfaction");
        }
        assertFalse(panelComments().contains(reason), "nothing was counted");
        Api.Reply counted = api.post("/counter/answers", Json.write(Map.of("satisfaction", 5, "reason", reason)),
                Map.of("X-Counter-Key", device, "Idempotency-Key", key));
        assertEquals(201, counted.status(), "the key was not used up: " + counted.body());
        assertTrue(panelComments().contains(reason), "the number is counted");
    }

    private static String panelComments() {
        Api.Reply panel = api.get("/staff/complaints/panel", Api.signedInAs("demo-supervisor"));
        assertEquals(200, panel.status(), panel.body());
        return panel.json().path("comments").toString();
    }

    @Test
    void aSurveyAnswerWithTheScoreAsTextIsRefusedAndTheSurveyStaysOpen() {
        JsonNode receipt = api.post("/requests", Json.write(Reports.missedBin("resident+" + UUID.randomUUID() + "@example.com")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).json();
        String reference = receipt.path("reference").asText();
        Map<String, String> resident = Map.of("X-Private-Key", receipt.path("privateLink").asText().replaceFirst(".*#key=", ""));
        Api.Reply resolved = api.post("/staff/requests/" + reference + "/actions", Json.write(Map.of("action", "resolve",
                "expectedVersion", 1, "resolution", "Collected this morning.")), Api.signedInAs("demo-officer-waste"));
        assertEquals(200, resolved.status(), resolved.body());

        api.post("/surveys/" + reference + "/answers", Json.write(Map.of("satisfaction", "5")), resident).assertNames("satisfaction");
        api.post("/surveys/" + reference + "/answers", Json.write(Map.of("satisfaction", 5, "recommend", "9")), resident)
                .assertNames("recommend");
        api.post("/surveys/" + reference + "/answers", Json.write(Map.of("satisfaction", 2.5)), resident).assertNames("satisfaction");
        assertTrue(api.get("/surveys/" + reference, resident).json().path("open").asBoolean(), "the one answer is not used up");
        assertEquals(201, api.post("/surveys/" + reference + "/answers", Json.write(Map.of("satisfaction", 5, "recommend", 9)),
                resident).status());
    }

    @Test
    void aBookingForTwoAndAHalfPeopleIsRefusedAndTakesNoTime() {
        // A free half hour at the meeting room from the facility's own availability (no blackouts, an hour's notice).
        JsonNode days = api.get("/facilities/karri-meeting-room/availability").json().path("days");
        JsonNode day = null;
        JsonNode free = null;
        for (int i = 1; i < days.size() && free == null; i++) {
            for (JsonNode range : days.get(i).path("free")) {
                if (LocalTime.parse(range.path("from").asText()).plusMinutes(30).compareTo(LocalTime.parse(range.path("to").asText())) <= 0) {
                    day = days.get(i);
                    free = range;
                    break;
                }
            }
        }
        assertNotNull(free, "a free half hour this week: " + days);
        Map<String, Object> booking = new HashMap<>(Map.of("facilityId", "karri-meeting-room", "date", day.path("date").asText(),
                "start", free.path("from").asText(), "end", LocalTime.parse(free.path("from").asText()).plusMinutes(30).toString(),
                "purpose", "Committee meeting", "attendance", 2.5,
                "contact", Map.of("name", "Alex Citizen", "email", "alex@example.com"), "termsAccepted", true));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        api.post("/bookings", Json.write(booking), key).assertNames("attendance");
        booking.put("attendance", "2");
        api.post("/bookings", Json.write(booking), key).assertNames("attendance");
        booking.put("attendance", 2);
        Api.Reply booked = api.post("/bookings", Json.write(booking), key);
        assertEquals(201, booked.status(), "the time and the key were still free: " + booked.body());

        Map<String, String> owner = Map.of("X-Private-Key", booked.json().path("privateLink").asText().replaceFirst(".*#key=", ""));
        String reference = booked.json().path("reference").asText();
        api.post("/bookings/" + reference + "/change", Json.write(Map.of("date", booking.get("date"), "start", booking.get("start"),
                "end", booking.get("end"), "attendance", 3.5)), owner).assertNames("attendance");
        assertEquals(2, api.get("/bookings/" + reference, owner).json().path("attendance").asInt(), "unchanged");
    }

    /** The other numbers the API reads, each sent as text or as a fraction. */
    static Stream<Arguments> otherNumbers() {
        Map<String, Object> booking = Map.of("facilityId", "karri-meeting-room", "date", "2030-01-07", "start", "10:00", "end", "11:00",
                "purpose", "Meeting", "attendance", 4, "contact", Map.of("name", "Alex Citizen", "email", "alex@example.com"),
                "termsAccepted", true);
        Map<String, Object> bulkVerge = new HashMap<>(Reports.missedBin("alex@example.com"));
        bulkVerge.put("serviceId", "bulk-verge");
        bulkVerge.put("answers", Map.of("collection-type", "General junk", "items", List.of("Furniture"), "volume", "3"));
        Map<String, Object> textLatitude = new HashMap<>(Reports.missedBin("alex@example.com"));
        textLatitude.put("location", Map.of("latitude", "-31.95", "longitude", 115.86));
        Map<String, Object> policy = Map.of("order", 999_002, "firstResponseMinutes", 60, "resolutionMinutes", 120);
        Map<String, Object> member = Map.of("name", "Ella Brown", "roles", List.of("officer"), "unitId", "waste", "version", 1);
        return Stream.of(
                Arguments.of("POST", "/bookings", with(booking, "occurrences", 1.5), null, "occurrences"),
                Arguments.of("POST", "/bookings", with(booking, "occurrences", "2"), null, "occurrences"),
                Arguments.of("POST", "/bookings", with(booking, "termsAccepted", "true"), null, "termsAccepted"),
                Arguments.of("GET", "/facilities/karri-meeting-room/availability?days=2.5", null, null, "days"),
                Arguments.of("POST", "/requests", bulkVerge, null, "answers.volume"),
                Arguments.of("POST", "/requests", textLatitude, null, "location.latitude"),
                Arguments.of("POST", "/staff/requests/K7MP3QXR/actions", Map.of("action", "note", "expectedVersion", 1.5, "note", "x"),
                        "demo-officer-waste", "expectedVersion"),
                Arguments.of("POST", "/staff/requests/K7MP3QXR/actions", Map.of("action", "note", "expectedVersion", "1", "note", "x"),
                        "demo-officer-waste", "expectedVersion"),
                Arguments.of("POST", "/staff/requests/K7MP3QXR/actions", Map.of("action", "priority", "expectedVersion", 1, "priority", 3),
                        "demo-officer-waste", "priority"),
                Arguments.of("POST", "/staff/bookings", with(booking, "attendance", "4"), "demo-officer-waste", "attendance"),
                Arguments.of("PUT", "/staff/policies/typed-numbers", with(policy, "order", 25.5), "demo-admin", "order"),
                Arguments.of("PUT", "/staff/policies/typed-numbers", with(policy, "firstResponseMinutes", "60"), "demo-admin",
                        "firstResponseMinutes"),
                Arguments.of("PUT", "/staff/policies/typed-numbers", with(policy, "warningPercents", List.of("50")), "demo-admin",
                        "warningPercents[0]"),
                Arguments.of("PUT", "/staff/admin/accounts/demo-account-manager", Map.of("unitIds", List.of("waste"),
                        "kinds", List.of("weekly"), "version", 1.5), "demo-admin", "version"),
                Arguments.of("GET", "/staff/queue?unit=waste&limit=2.5", null, "demo-supervisor", "limit"),
                Arguments.of("POST", "/staff/reports/run", Map.of("kind", "weekly", "resend", "yes"), "demo-admin", "resend"),
                Arguments.of("PUT", "/staff/members/demo-officer-waste-2", with(member, "version", 1.5), "demo-admin", "version"),
                Arguments.of("PUT", "/staff/members/demo-officer-waste-2", with(member, "enabled", "false"), "demo-admin", "enabled"),
                Arguments.of("POST", "/staff/members", with(member, "email", 42), "demo-admin", "email"),
                Arguments.of("POST", "/staff/members", with(with(member, "email", "typed@melaleuca.example"), "roles", "officer"),
                        "demo-admin", "roles"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @ParameterizedTest(name = "{index}: {0} {1}, names {4}")
    @MethodSource("otherNumbers")
    void eachIsA400NamingItsField(String method, String path, Map<String, Object> body, String staffId, String field) {
        api.send(method, path, body == null ? null : Json.write(body), staffId == null ? Map.of() : Api.signedInAs(staffId))
                .assertNames(field);
    }
}

package io.civicdesk.platform;

import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.StoredSubmissions;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ids longer than DynamoDB takes in a key, and dates past the years the council keeps, wherever a client puts them —
 * path, query string or body, resident or staff route: each is a 400 naming the field, checked before any store
 * sees it, and nothing is written.
 */
class OverLongIdsAndDatesTest {
    /** Past DynamoDB's 2,048-byte limit on a partition key once a prefix is added. */
    private static final String LONG = "a".repeat(2100);
    private static Api api;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
        dynamo = TestStack.get().dynamoDb();
    }

    @Test
    void aServiceIdTooLongForAKeyIsA400NamingIt() {
        Api.Reply reply = api.get("/services/" + LONG);
        reply.assertNames("serviceId");
        assertEquals("There is no service with that id: ids are 1 to 64 lower-case letters, digits and hyphens.",
                reply.error("serviceId"));
        assertEquals(200, api.get("/services/missed-bin").status(), "a real id still reads");
    }

    @Test
    void aReportForAServiceIdTooLongForAKeyIsA400NamingItAndStoresNothing() {
        Map<String, Object> report = new HashMap<>(Reports.missedBin("resident+" + UUID.randomUUID() + "@example.com"));
        report.put("serviceId", "b".repeat(2000));
        String key = UUID.randomUUID().toString();
        Set<String> before = StoredSubmissions.of(dynamo);

        api.post("/requests", Json.write(report), Map.of("Idempotency-Key", key)).assertNames("serviceId");
        assertEquals(before, StoredSubmissions.of(dynamo), "no request, update or mail was written");
        report.put("serviceId", "missed-bin");
        assertEquals(201, api.post("/requests", Json.write(report), Map.of("Idempotency-Key", key)).status(),
                "the key was not taken by the refused report");
    }

    @Test
    void availabilityFromADatePastTheCouncilsYearsIsA400NamingFrom() {
        Api.Reply reply = api.get("/facilities/banksia-hall/availability?from=9999-12-31&days=7");
        reply.assertNames("from");
        assertEquals("Give the first day as a date between 2000 and 2100, like 2026-11-28.", reply.error("from"));
        assertEquals(200, api.get("/facilities/banksia-hall/availability?from=" + DateInput.LATEST + "&days=7").status(),
                "the last day of the range still reads, a week on");
    }

    /** Every id and date each route reads, one at a time; a staff route with a member of staff allowed to use it. */
    static Stream<Arguments> everyIdAndDate() {
        Map<String, Object> booking = Map.of("facilityId", "banksia-hall", "date", "9999-12-25", "start", "10:00", "end", "12:00",
                "purpose", "Party", "attendance", 10, "contact", Map.of("name", "Alex Citizen", "email", "alex@example.com"),
                "termsAccepted", true);
        Map<String, Object> bookingOfLongFacility = new HashMap<>(booking);
        bookingOfLongFacility.put("facilityId", LONG);
        return Stream.of(
                Arguments.of("GET", "/facilities/" + LONG, null, null, "facilityId"),
                Arguments.of("GET", "/facilities/" + LONG + "/availability", null, null, "facilityId"),
                Arguments.of("POST", "/bookings", bookingOfLongFacility, null, "facilityId"),
                Arguments.of("POST", "/bookings", booking, null, "date"),
                Arguments.of("POST", "/feedback", Map.of("kind", "compliment", "message", "Thanks", "about", Map.of("unitId", LONG)),
                        null, "about.unitId"),
                Arguments.of("POST", "/feedback", Map.of("kind", "compliment", "message", "Thanks", "about", Map.of("serviceId", LONG)),
                        null, "about.serviceId"),
                Arguments.of("GET", "/staff/queue?unit=" + LONG, null, "demo-supervisor", "unit"),
                Arguments.of("GET", "/staff/queue?unit=waste&service=" + LONG, null, "demo-supervisor", "service"),
                Arguments.of("GET", "/staff/queue?unit=waste&assigned=" + LONG, null, "demo-supervisor", "assigned"),
                Arguments.of("GET", "/staff/queue?unit=waste&cursor=" + LONG, null, "demo-supervisor", "cursor"),
                Arguments.of("GET", "/staff/officers?unit=" + LONG, null, "demo-supervisor", "unit"),
                Arguments.of("POST", "/staff/requests/K7MP3QXR/actions", Map.of("action", "assign", "expectedVersion", 1,
                        "officerId", LONG), "demo-officer-waste", "officerId"),
                Arguments.of("POST", "/staff/requests/K7MP3QXR/actions", Map.of("action", "assign", "expectedVersion", 1,
                        "unitId", LONG), "demo-officer-waste", "unitId"),
                Arguments.of("GET", "/staff/workflows/" + LONG, null, "demo-admin", "serviceId"),
                Arguments.of("PUT", "/staff/calendars/" + LONG, Map.of(), "demo-admin", "calendarId"),
                Arguments.of("POST", "/staff/calendars/" + LONG + "/holidays", Map.of("date", "2030-01-01", "name", "x"),
                        "demo-admin", "calendarId"),
                Arguments.of("POST", "/staff/calendars/melaleuca/holidays", Map.of("date", "9999-12-31", "name", "x"),
                        "demo-admin", "date"),
                Arguments.of("DELETE", "/staff/calendars/melaleuca/holidays/9999-12-31", null, "demo-admin", "date"),
                Arguments.of("PUT", "/staff/policies/" + LONG, Map.of(), "demo-admin", "policyId"),
                Arguments.of("PUT", "/staff/policies/long-ids", Map.of("order", 999_001, "firstResponseMinutes", 60,
                        "resolutionMinutes", 120, "serviceId", LONG), "demo-admin", "serviceId"),
                Arguments.of("PUT", "/staff/policies/long-ids", Map.of("order", 999_001, "firstResponseMinutes", 60,
                        "resolutionMinutes", 120, "calendarId", LONG), "demo-admin", "calendarId"),
                Arguments.of("DELETE", "/staff/policies/" + LONG, null, "demo-admin", "policyId"),
                Arguments.of("PUT", "/staff/admin/accounts/" + LONG, Map.of("unitIds", List.of("waste"), "kinds", List.of("weekly")),
                        "demo-admin", "staffId"),
                Arguments.of("DELETE", "/staff/admin/accounts/" + LONG + "?version=1", null, "demo-admin", "staffId"),
                Arguments.of("PUT", "/staff/members/" + LONG, Map.of(), "demo-admin", "staffId"),
                Arguments.of("POST", "/staff/members", Map.of("email", "long-unit@melaleuca.example", "name", "Long Unit",
                        "roles", List.of("officer"), "unitId", LONG), "demo-admin", "unitId"),
                Arguments.of("GET", "/staff/facilities/" + LONG + "/calendar", null, "demo-officer-waste", "facilityId"),
                Arguments.of("GET", "/staff/facilities/banksia-hall/calendar?from=9999-12-31", null, "demo-officer-waste", "from"),
                Arguments.of("POST", "/staff/facilities/" + LONG + "/blackouts", Map.of("date", "2030-01-01", "reason", "x"),
                        "demo-supervisor", "facilityId"),
                Arguments.of("POST", "/staff/facilities/banksia-hall/blackouts", Map.of("date", "9999-12-31", "reason", "Repairs"),
                        "demo-supervisor", "date"),
                Arguments.of("POST", "/staff/facilities/banksia-hall/blackouts", Map.of("date", "2030-01-01", "until", "9999-12-31",
                        "reason", "Repairs"), "demo-supervisor", "until"),
                Arguments.of("POST", "/staff/facilities/" + LONG + "/feed-links", Map.of(), "demo-supervisor", "facilityId"),
                // Staff book for a caller without the notice rules: only the date's own check stands in the way.
                Arguments.of("POST", "/staff/bookings", booking, "demo-officer-waste", "date"),
                Arguments.of("GET", "/staff/complaints/panel?from=9999-12", null, "demo-supervisor", "from"),
                Arguments.of("GET", "/staff/complaints/panel.csv?to=9999-12", null, "demo-supervisor", "to"),
                Arguments.of("POST", "/staff/counter-devices", Map.of("unitId", LONG, "name", "Front counter"), "demo-admin", "unitId"));
    }

    @ParameterizedTest(name = "{index}: {0}, names {4}")
    @MethodSource("everyIdAndDate")
    void eachIsA400NamingItsField(String method, String path, Map<String, Object> body, String staffId, String field) {
        api.send(method, path, body == null ? null : Json.write(body), staffId == null ? Map.of() : Api.signedInAs(staffId))
                .assertNames(field);
    }
}

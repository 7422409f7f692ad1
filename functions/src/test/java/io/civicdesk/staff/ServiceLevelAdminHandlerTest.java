package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.catalog.ReferralTargetStore;
import io.civicdesk.sla.BusinessCalendar;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendars and policies an administrator keeps, over an in-memory catalogue. */
class ServiceLevelAdminHandlerTest {
    private static final String ADMIN = "admin-1";
    private static final String PUT_POLICY = "PUT /staff/policies/{policyId}";

    // The council's own calendar, "wa", open on weekdays.
    private final InMemoryCatalog catalog = InMemoryCatalog.twoUnits();
    private final ServiceLevelAdminHandler handler = new ServiceLevelAdminHandler(new ServiceLevelAdmin(catalog),
            new ReferralTargetAdmin(catalog, new ReferralTargetStore(null, "CatalogTable"))); // referral targets: StaffReferralsTest

    ServiceLevelAdminHandlerTest() {
        catalog.putCalendar(new BusinessCalendar("wa", ZoneId.of("Australia/Perth"), BusinessCalendar.MONDAY_TO_FRIDAY, Map.of()));
    }

    private APIGatewayV2HTTPResponse putPolicy(String policyId, Object body, String by, String... groups) {
        return call(handler, event(PUT_POLICY, Map.of("policyId", policyId), body, by, groups));
    }

    private static Map<String, Object> urgent(int order) {
        return Map.of("order", order, "priority", "urgent", "firstResponseMinutes", 60, "resolutionMinutes", 480);
    }

    @Test
    void theServiceLevelsShowTheCouncilsCalendarAndEveryPolicyInOrder() {
        putPolicy("urgent", urgent(10), ADMIN, "admin");
        putPolicy("anything-else", Map.of("order", 99, "firstResponseMinutes", 480, "resolutionMinutes", 4800), ADMIN, "admin");
        APIGatewayV2HTTPResponse shown = call(handler, event("GET /staff/service-levels", Map.of(), null, ADMIN, "admin"));
        assertEquals(200, shown.getStatusCode(), shown.getBody());
        assertEquals("wa", json(shown).path("councilCalendarId").asText());
        assertEquals("wa", json(shown).path("calendars").path(0).path("id").asText());
        assertEquals(List.of("urgent", "anything-else"), List.of(json(shown).path("policies").path(0).path("id").asText(),
                json(shown).path("policies").path(1).path("id").asText()));
    }

    @Test
    void aPolicyWithATargetOfNoMinutesIs400NamingTheTargetAndIsNotSaved() {
        APIGatewayV2HTTPResponse wrong = putPolicy("urgent", Map.of("order", 10, "firstResponseMinutes", 0,
                "resolutionMinutes", 480), ADMIN, "admin");
        assertEquals(400, wrong.getStatusCode());
        assertTrue(names(wrong, "firstResponseMinutes"), wrong.getBody());
        assertTrue(catalog.policies().isEmpty());
    }

    @Test
    void aPolicyTakingAnothersPlaceInTheOrderOrAnUnknownCalendarIsNamedFieldByField() {
        putPolicy("urgent", urgent(10), ADMIN, "admin");
        APIGatewayV2HTTPResponse wrong = putPolicy("high", Map.of("order", 10, "priority", "high", "firstResponseMinutes", 120,
                "resolutionMinutes", 960, "calendarId", "nowhere"), ADMIN, "admin");
        assertEquals(400, wrong.getStatusCode());
        assertTrue(names(wrong, "order"), wrong.getBody());
        assertTrue(names(wrong, "calendarId"), wrong.getBody());
        assertEquals(1, catalog.policies().size());
    }

    @Test
    void deletingAPolicyThatIsNotThereIs404() {
        assertEquals(404, call(handler, event("DELETE /staff/policies/{policyId}", Map.of("policyId", "urgent"), null,
                ADMIN, "admin")).getStatusCode());
    }

    @Test
    void aHolidayIsAddedToAKnownCalendarAndAnUnknownCalendarIs404() {
        Map<String, Object> closure = Map.of("date", "2026-12-24", "name", "Christmas Eve closure");
        APIGatewayV2HTTPResponse added = call(handler, event("POST /staff/calendars/{calendarId}/holidays",
                Map.of("calendarId", "wa"), closure, ADMIN, "admin"));
        assertEquals(201, added.getStatusCode(), added.getBody());
        assertEquals("2026-12-24", json(added).path("holidays").path(0).path("date").asText());
        assertEquals(404, call(handler, event("POST /staff/calendars/{calendarId}/holidays",
                Map.of("calendarId", "nowhere"), closure, ADMIN, "admin")).getStatusCode());
    }

    @Test
    void someoneNotAnAdministratorIsForbiddenBeforeTheBodyIsRead() {
        assertEquals(403, call(handler, event("GET /staff/service-levels", Map.of(), null, "sup-1", "supervisor"))
                .getStatusCode());
        APIGatewayV2HTTPResponse refused = putPolicy("urgent", Map.of("order", "first"), "am-1", "account-manager");
        assertEquals(403, refused.getStatusCode(), "not a 400 telling them what is wrong with the body");
        assertTrue(catalog.policies().isEmpty());
    }
}

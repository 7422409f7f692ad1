package io.civicdesk.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator sets up who gets which report: a new account manager's units and kinds, changed at the
 * version read (a stale one is refused with the current state), checked against the catalogue, and removed.
 */
class ReportAccountsTest {
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");
    private static final Api API = TestStack.api();

    private static Api.Reply put(String staffId, Map<String, Object> body) {
        return API.put("/staff/admin/accounts/" + staffId, Json.write(body), ADMIN);
    }

    private static JsonNode account(String staffId) {
        Api.Reply reply = API.get("/staff/admin/accounts", ADMIN);
        assertEquals(200, reply.status(), reply.body());
        for (JsonNode account : reply.json().path("accounts")) {
            if (account.path("staffId").asText().equals(staffId)) {
                return account;
            }
        }
        return null;
    }

    @Test
    void anAdministratorSetsUpChangesAndRemovesAnAccountManagersReports() {
        StaffMember manager = ReportFixtures.accountManager();
        Api.Reply overview = API.get("/staff/admin/accounts", ADMIN);
        assertTrue(overview.body().contains("\"id\":\"" + manager.id() + "\""), "offered as an account manager: " + overview.body());
        assertTrue(overview.body().contains("\"name\":\"Waste Services\""), "the units to choose from");
        assertNotNull(account("demo-account-manager"), "the demo's account");

        Api.Reply created = put(manager.id(), Map.of("unitIds", List.of("waste", "parks"), "kinds", List.of("weekly", "MONTHLY")));
        assertEquals(200, created.status(), created.body());
        assertEquals(1, created.json().path("version").asLong());
        JsonNode listed = account(manager.id());
        assertEquals(manager.name(), listed.path("name").asText());
        assertEquals("[\"waste\",\"parks\"]", listed.path("unitIds").toString());
        assertEquals("[\"WEEKLY\",\"MONTHLY\"]", listed.path("kinds").toString());
        assertEquals(Set.of(ReportPeriod.Kind.WEEKLY, ReportPeriod.Kind.MONTHLY),
                ReportFixtures.accounts().account(manager.id()).orElseThrow().kinds(), "what the roll-up reads");

        // Another administrator's page still thinks there is none: refused, with what is there now.
        Api.Reply stale = put(manager.id(), Map.of("unitIds", List.of("roads"), "kinds", List.of("quarterly")));
        assertEquals(409, stale.status(), stale.body());
        assertEquals(1, stale.json().path("current").path("version").asLong());

        Api.Reply changed = put(manager.id(), Map.of("unitIds", List.of("roads"), "kinds", List.of("quarterly"), "version", 1));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(2, changed.json().path("version").asLong());
        assertEquals("[\"roads\"]", account(manager.id()).path("unitIds").toString());

        Api.Reply noVersion = API.delete("/staff/admin/accounts/" + manager.id(), ADMIN);
        assertEquals(400, noVersion.status(), noVersion.body());
        assertNotNull(noVersion.error("version"));
        assertEquals(409, API.delete("/staff/admin/accounts/" + manager.id() + "?version=1", ADMIN).status());
        Api.Reply removed = API.delete("/staff/admin/accounts/" + manager.id() + "?version=2", ADMIN);
        assertEquals(200, removed.status(), removed.body());
        assertEquals(null, account(manager.id()));
        assertEquals(404, API.delete("/staff/admin/accounts/" + manager.id() + "?version=2", ADMIN).status());
    }

    @Test
    void unitsKindsAndWhoAreCheckedAndEachMistakeNamesItsField() {
        StaffMember manager = ReportFixtures.accountManager();
        Api.Reply unknownUnit = put(manager.id(), Map.of("unitIds", List.of("waste", "nowhere"), "kinds", List.of("weekly")));
        assertEquals(400, unknownUnit.status(), unknownUnit.body());
        assertTrue(unknownUnit.error("unitIds").contains("nowhere"), unknownUnit.body());

        Api.Reply noUnits = put(manager.id(), Map.of("unitIds", List.of(), "kinds", List.of("yearly")));
        assertEquals(400, noUnits.status(), noUnits.body());
        assertNotNull(noUnits.error("unitIds"));
        assertTrue(noUnits.error("kinds").contains("yearly"), noUnits.body());

        Api.Reply anOfficer = put("demo-officer-waste", Map.of("unitIds", List.of("waste"), "kinds", List.of("weekly")));
        assertEquals(400, anOfficer.status(), anOfficer.body());
        assertNotNull(anOfficer.error("staffId"));

        Api.Reply badVersion = put(manager.id(), Map.of("unitIds", List.of("waste"), "kinds", List.of("weekly"), "version", "first"));
        assertNotNull(badVersion.error("version"), badVersion.body());
        assertEquals(null, account(manager.id()), "nothing was written");
    }

    @Test
    void onlyAdministratorsManageWhoGetsWhichReport() {
        assertEquals(403, API.get("/staff/admin/accounts", Api.signedInAs("demo-supervisor")).status());
        assertEquals(403, API.put("/staff/admin/accounts/demo-account-manager",
                Json.write(Map.of("unitIds", List.of("waste"), "kinds", List.of("weekly"))), Api.signedInAs("demo-account-manager")).status());
        assertEquals(403, API.delete("/staff/admin/accounts/demo-account-manager?version=1", Api.signedInAs("demo-supervisor")).status());
    }
}

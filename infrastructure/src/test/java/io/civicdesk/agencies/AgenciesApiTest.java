package io.civicdesk.agencies;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.platform.Json;
import io.civicdesk.reports.ReportFixtures;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agencies' staff API: an administrator adds an agency on the standard template (every mistake named by its
 * field, nothing written), its account manager adds a version of its agreement, and no other account manager sees
 * it or changes it; a request made for the agency is held to the agreement's own target, and counted under it.
 */
class AgenciesApiTest {
    private static final Api API = TestStack.api();
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    private static Map<String, Object> agency(String id, String managerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Agency " + id);
        body.put("accountManagerId", managerId);
        body.put("contacts", List.of(Map.of("role", "business-manager", "name", "Jo Contact", "email", id + "@agency.example")));
        body.put("serviceIds", List.of("missed-bin", "pothole"));
        return body;
    }

    private static String newId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> listed(Map<String, String> as) {
        Api.Reply reply = API.get("/staff/agencies", as);
        assertEquals(200, reply.status(), reply.body());
        List<String> ids = new ArrayList<>();
        reply.json().path("agencies").forEach(row -> ids.add(row.path("id").asText()));
        return ids;
    }

    @Test
    void anAdministratorAddsAnAgencyOnTheStandardTemplateAndOnlyItsAccountManagerSeesIt() {
        StaffMember manager = ReportFixtures.accountManager();
        Map<String, String> asManager = Api.signedInAs(manager);
        Map<String, String> asOtherManager = Api.signedInAs("demo-account-manager");
        String id = newId();

        Api.Reply created = API.post("/staff/agencies", Json.write(agency(id, manager.id())), ADMIN);
        assertEquals(201, created.status(), created.body());
        JsonNode first = created.json().path("inForce");
        assertEquals(1, first.path("version").asInt());
        assertEquals("quarterly", first.path("frequency").asText(), "the template reports quarterly");
        assertTrue(first.path("targets").get(0).path("standard").asBoolean(), "the template holds each service to the standard");
        LocalDate today = LocalDate.ofInstant(TestStack.clock().instant(), PERTH);
        assertEquals(today.plusYears(1).toString(), first.path("reviewDate").asText());
        assertFalse(created.body().contains("unsubscribeToken"), "the contacts' secrets stay in the table");

        assertTrue(listed(asManager).contains(id), "her own agency");
        assertFalse(listed(asOtherManager).contains(id), "another manager's agency is not listed");
        assertTrue(listed(ADMIN).contains(id), "administrators see every agency");
        assertEquals(404, API.get("/staff/agencies/" + id, asOtherManager).status(), "nor can it be opened");
        Map<String, Object> version = Map.of("effectiveFrom", today.toString(), "reviewDate", today.plusMonths(6).toString(),
                "frequency", "monthly", "priceCents", 4200, "targets", List.of(
                        Map.of("serviceId", "missed-bin", "firstResponseHours", 2, "resolutionHours", 10),
                        Map.of("serviceId", "pothole")));
        assertEquals(404, API.post("/staff/agencies/" + id + "/agreements", Json.write(version), asOtherManager).status());
        assertEquals(403, API.put("/staff/agencies/" + id, Json.write(agency(id, manager.id())), asManager).status(),
                "only administrators change the agency itself");

        Api.Reply added = API.post("/staff/agencies/" + id + "/agreements", Json.write(version), asManager);
        assertEquals(201, added.status(), added.body());
        JsonNode inForce = added.json().path("inForce");
        assertEquals(2, inForce.path("version").asInt());
        assertEquals("monthly", inForce.path("frequency").asText());
        assertEquals(4200, inForce.path("priceCents").asLong());
        assertEquals(2, added.json().path("versions").size(), "the first version is kept");

        // A request made for the agency is held to its own target, recorded on the request, and counted under it.
        Map<String, Object> report = new HashMap<>(Reports.missedBin("agency-" + id + "@example.com"));
        report.put("agencyId", id);
        Api.Reply submitted = API.post("/requests", Json.write(report), Map.of());
        assertEquals(201, submitted.status(), submitted.body());
        ServiceRequest request = new RequestStore(TestStack.get().dynamoDb(), "RequestsTable")
                .get(new Reference(submitted.json().path("reference").asText())).orElseThrow();
        assertEquals(id, request.agencyId());
        ServiceLevelPolicy policy = request.serviceLevel().policy();
        assertEquals("agreement:" + id + ":2:missed-bin", policy.id());
        assertEquals(Duration.ofHours(2), policy.firstResponse());
        assertEquals(Duration.ofHours(10), policy.resolution());
        FiguresStore figures = new FiguresStore(TestStack.get().dynamoDb(), "FiguresTable");
        assertEquals(Map.of("missed-bin", 1L), figures.agencyOpen(id), "one open request of the agency's");
        assertEquals(1, figures.agencyPeriodFigures(List.of(id), today.minusDays(1), today.plusDays(1)).figures()
                .values().stream().mapToLong(f -> f.received()).sum());
        Api.Reply row = API.get("/staff/agencies", asManager);
        assertTrue(row.body().contains("\"open\":1"), row.body());

        Map<String, Object> unknown = new HashMap<>(Reports.missedBin("agency-" + id + "@example.com"));
        unknown.put("agencyId", "no-such-agency");
        Api.Reply refused = API.post("/requests", Json.write(unknown), Map.of());
        assertEquals(400, refused.status(), refused.body());
        assertNotNull(refused.error("agencyId"));
    }

    @Test
    void everyMistakeIsNamedByItsFieldAndNothingIsWritten() {
        String id = newId();
        Map<String, Object> body = agency(id, "demo-officer-waste");
        body.put("name", "");
        body.put("contacts", List.of(Map.of("role", "mayor", "name", "Jo", "email", "not-an-address")));
        body.put("serviceIds", List.of("missed-bin", "no-such-service"));
        Api.Reply refused = API.post("/staff/agencies", Json.write(body), ADMIN);
        assertEquals(400, refused.status(), refused.body());
        assertNotNull(refused.error("name"));
        assertNotNull(refused.error("contacts[0].role"));
        assertNotNull(refused.error("contacts[0].email"));
        Map<String, Object> valid = agency(id, "demo-officer-waste");
        valid.put("serviceIds", List.of("missed-bin", "no-such-service"));
        Api.Reply checked = API.post("/staff/agencies", Json.write(valid), ADMIN);
        assertEquals(400, checked.status(), checked.body());
        assertNotNull(checked.error("accountManagerId"), "an officer is not an account manager");
        assertTrue(checked.error("serviceIds").contains("no-such-service"), checked.body());
        assertFalse(listed(ADMIN).contains(id), "nothing was written");

        assertEquals(201, API.post("/staff/agencies", Json.write(agency(id, "demo-account-manager")), ADMIN).status());
        assertNotNull(API.post("/staff/agencies", Json.write(agency(id, "demo-account-manager")), ADMIN).error("id"),
                "an id already taken");

        Api.Reply badVersion = API.post("/staff/agencies/" + id + "/agreements", Json.write(Map.of(
                "effectiveFrom", "2027-02-30", "reviewDate", "2026-01-01", "frequency", "yearly", "priceCents", -1,
                "targets", List.of(Map.of("serviceId", "missed-bin", "firstResponseHours", 10, "resolutionHours", 2),
                        Map.of("serviceId", "pothole", "firstResponseHours", 3)))), ADMIN);
        assertEquals(400, badVersion.status(), badVersion.body());
        for (String field : List.of("effectiveFrom", "frequency", "priceCents", "targets[0].resolutionHours", "targets[1].resolutionHours")) {
            assertNotNull(badVersion.error(field), field + " in " + badVersion.body());
        }
        Api.Reply stale = API.put("/staff/agencies/" + id, Json.write(new HashMap<>(Map.of("name", "Renamed",
                "accountManagerId", "demo-account-manager", "version", 7, "contacts", List.of(Map.of("role",
                        "corporate-purchaser", "name", "Jo Contact", "email", id + "@agency.example"))))), ADMIN);
        assertEquals(409, stale.status(), stale.body());
    }

    @Test
    void aContactUnsubscribesWithTheLinksSecretOnly() {
        String id = newId();
        assertEquals(201, API.post("/staff/agencies", Json.write(agency(id, "demo-account-manager")), ADMIN).status());
        AgencyStore store = new AgencyStore(TestStack.get().dynamoDb(), "CatalogTable");
        String token = store.agency(id).orElseThrow().contacts().get(0).unsubscribeToken();
        assertEquals(404, API.post("/agencies/" + id + "/unsubscribe", Json.write(Map.of("token", "guessed")), Map.of()).status());
        assertNotNull(API.post("/agencies/" + id + "/unsubscribe", Json.write(Map.of()), Map.of()).error("token"));
        assertEquals(200, API.post("/agencies/" + id + "/unsubscribe", Json.write(Map.of("token", token)), Map.of()).status());
        assertEquals(List.of(), store.agency(id).orElseThrow().mailed(), "no more reports for them");
        assertEquals(200, API.post("/agencies/" + id + "/unsubscribe", Json.write(Map.of("token", token)), Map.of()).status(),
                "the link used twice");
    }
}

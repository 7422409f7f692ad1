package io.civicdesk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privacy page's API through the local gateway: administrators only, every mistake named by its field, a save
 * over someone else's refused, and a member of staff opening a request seen in the audit.
 */
class PrivacyPageApiTest {
    private final Api api = TestStack.api();
    private final Map<String, String> admin = Api.signedInAs("demo-admin");

    @Test
    void onlyAdministratorsReachThePrivacyPage() {
        assertEquals(401, api.get("/staff/privacy/retention").status());
        assertEquals(401, api.post("/staff/privacy/subjects/search", "{\"email\":\"a@example.com\"}", Map.of()).status());
        for (String staff : new String[] {"demo-officer-waste", "demo-supervisor", "demo-account-manager"}) {
            assertEquals(403, api.get("/staff/privacy/retention", Api.signedInAs(staff)).status(), staff);
            assertEquals(403, api.get("/staff/privacy/audit", Api.signedInAs(staff)).status(), staff);
            assertEquals(403, api.post("/staff/privacy/subjects/export", "{\"email\":\"a@example.com\"}",
                    Api.signedInAs(staff)).status(), staff);
        }
        JsonNode page = api.get("/staff/privacy/retention", admin).json();
        assertEquals(8, page.path("schedule").path("kinds").size(), page.toString());
        assertTrue(page.path("personalData").size() >= 10, "the map of where personal information is kept");
    }

    @Test
    void aRetentionPeriodOutOfRangeOrOfAnUnknownKindIsRefusedNamingItsField() {
        long version = api.get("/staff/privacy/retention", admin).json().path("schedule").path("version").asLong();
        api.put("/staff/privacy/retention", Json.write(Map.of("expectedVersion", version, "days", Map.of("requests", 3))), admin)
                .assertNames("days.requests");
        api.put("/staff/privacy/retention", Json.write(Map.of("expectedVersion", version, "days", Map.of("mails", "ninety"))), admin)
                .assertNames("days.mails");
        api.put("/staff/privacy/retention", Json.write(Map.of("expectedVersion", version, "days", Map.of("letters", 90))), admin)
                .assertNames("days.letters");
        api.put("/staff/privacy/retention", Json.write(Map.of("days", Map.of("mails", 90))), admin).assertNames("expectedVersion");
        api.post("/staff/privacy/subjects/search", "{\"email\":\"not an address\"}", admin).assertNames("email");
        api.post("/staff/privacy/subjects/search", "{}", admin).assertNames("email");
        api.post("/staff/privacy/subjects/erase", "{\"email\":\"a@example.com\"}", admin).assertNames("confirm");
        api.get("/staff/privacy/audit?month=December", admin).assertNames("month");
    }

    @Test
    void aSaveOverSomeoneElsesIsRefusedWithTheirs() {
        long version = api.get("/staff/privacy/retention", admin).json().path("schedule").path("version").asLong();
        Api.Reply saved = api.put("/staff/privacy/retention",
                Json.write(Map.of("expectedVersion", version, "days", Map.of("mails", 120))), admin);
        assertEquals(200, saved.status(), saved.body());
        assertEquals(version + 1, saved.json().path("version").asLong());
        Api.Reply stale = api.put("/staff/privacy/retention",
                Json.write(Map.of("expectedVersion", version, "days", Map.of("mails", 60))), admin);
        assertEquals(409, stale.status(), stale.body());
        assertEquals(version + 1, stale.json().path("current").path("version").asLong(), stale.body());
    }

    @Test
    void anOfficerOpeningARequestIsInTheAuditByRecordAndByStaffMember() {
        String email = "audited+" + UUID.randomUUID() + "@example.com";
        String reference = api.post("/requests", Json.write(Reports.missedBin(email)), Map.of()).json().path("reference").asText();
        assertEquals(200, api.get("/staff/requests/" + reference, Api.signedInAs("demo-officer-waste")).status());

        JsonNode byRecord = api.get("/staff/privacy/audit?reference=" + reference, admin).json().path("entries");
        assertEquals(1, byRecord.size(), byRecord.toString());
        assertEquals("demo-officer-waste", byRecord.get(0).path("staffId").asText());
        assertEquals("read", byRecord.get(0).path("action").asText());
        assertEquals("request", byRecord.get(0).path("kind").asText());
        JsonNode byStaff = api.get("/staff/privacy/audit?staffId=demo-officer-waste", admin).json().path("entries");
        assertTrue(byStaff.toString().contains(reference), byStaff.toString());

        JsonNode found = api.post("/staff/privacy/subjects/search", Json.write(Map.of("email", email)), admin).json();
        assertEquals(1, found.path("counts").path("requests").asInt(), found.toString());
        JsonNode searched = api.get("/staff/privacy/audit?staffId=demo-admin", admin).json().path("entries").get(0);
        assertEquals("search", searched.path("action").asText(), searched.toString());
        assertTrue(!searched.toString().contains(email) && searched.path("subjectHash").asText().length() == 64, searched.toString());
    }
}

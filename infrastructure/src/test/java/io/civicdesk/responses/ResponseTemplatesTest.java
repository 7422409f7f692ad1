package io.civicdesk.responses;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Response templates on the local stack: kept by supervisors and administrators over the product's defaults, offered
 * to an officer filled in for the resident, in the resident's language first. The templates this test saves are
 * for the damaged-bin service alone, so the other tests sharing the stack are offered what they expect.
 */
class ResponseTemplatesTest {
    private static final Map<String, String> SUPERVISOR = Api.signedInAs("demo-supervisor");
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");
    private static final Map<String, String> SAM = Api.signedInAs("demo-officer-waste");
    private static Api api;

    @BeforeAll
    static void theDemoCouncilIsLoaded() {
        api = TestStack.api();
    }

    private static Map<String, Object> template(String title, String text, int version) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "use", "request", "serviceId", "damaged-bin",
                "status", "in-progress", "language", "en", "text", text, "version", version));
        return body;
    }

    private static String create(Map<String, Object> body) {
        Api.Reply created = api.post("/staff/responses", Json.write(body), SUPERVISOR);
        assertEquals(201, created.status(), created.body());
        return created.json().path("templateId").asText();
    }

    private static List<String> offeredTitles(String reference, String status) {
        Api.Reply offered = api.get("/staff/requests/" + reference + "/responses?status=" + status, SAM);
        assertEquals(200, offered.status(), offered.body());
        List<String> titles = new ArrayList<>();
        offered.json().path("templates").forEach(t -> titles.add(t.path("title").asText()));
        return titles;
    }

    private static String report(String serviceId, String language) {
        Map<String, Object> report = new HashMap<>(Reports.missedBin("resident+" + UUID.randomUUID() + "@example.com"));
        report.put("language", language);
        if (!serviceId.equals("missed-bin")) {
            report.put("serviceId", serviceId);
            report.put("answers", Map.of("bin-type", "General waste (red lid)", "damage", "Broken lid"));
        }
        Api.Reply reply = api.post("/requests", report);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("reference").asText();
    }

    @Test
    void aCouncilThatSavedNoneHasTheProductsDefaultsInEveryLanguage() {
        Api.Reply all = api.get("/staff/responses", ADMIN);
        assertEquals(200, all.status(), all.body());
        Map<String, JsonNode> byId = new HashMap<>();
        all.json().path("templates").forEach(t -> byId.put(t.path("templateId").asText(), t));
        for (String language : List.of("en", "ar", "vi")) {
            JsonNode upheld = byId.get("complaint-upheld-" + language);
            assertTrue(upheld != null, all.body());
            assertEquals("complaint-answer", upheld.path("use").asText());
            assertEquals(language, upheld.path("language").asText());
        }
        assertEquals(ResponseReader.defaults().size(), ResponseReader.defaults().stream()
                .filter(t -> byId.containsKey(t.templateId())).count(), "every default is listed");
    }

    @Test
    void anOfficerNeitherListsNorSavesTemplates() {
        assertEquals(403, api.get("/staff/responses", SAM).status());
        assertEquals(403, api.post("/staff/responses", Json.write(template("Mine", "Hi {name}", 0)), SAM).status());
    }

    @Test
    void eachWrongFieldIsNamed() {
        Map<String, Object> body = new HashMap<>(Map.of("use", "leaflet", "language", "fr", "text", "Dear {surname}, see {due}.",
                "version", -1, "serviceId", "NOT AN ID"));
        Api.Reply wrong = api.post("/staff/responses", Json.write(body), SUPERVISOR);
        for (String field : List.of("title", "use", "language", "text", "version", "serviceId")) {
            wrong.assertNames(field);
        }
        assertTrue(wrong.error("text").contains("{surname}"), wrong.body());

        Map<String, Object> unknownService = template("Unknown", "Hello {name}", 0);
        unknownService.put("serviceId", "no-such-service");
        api.post("/staff/responses", Json.write(unknownService), SUPERVISOR).assertNames("serviceId");
        Map<String, Object> statusOnComplaint = template("Status", "Hello {name}", 0);
        statusOnComplaint.put("use", "complaint-answer");
        api.post("/staff/responses", Json.write(statusOnComplaint), SUPERVISOR).assertNames("status");
        api.delete("/staff/responses/complaint-upheld-en?version=x", SUPERVISOR).assertNames("version");
        api.get("/staff/complaints/K7MP3QXR/responses?use=reply", SAM).assertNames("use");
        assertEquals(404, api.put("/staff/responses/no-such-template", Json.write(template("T", "x", 0)), SUPERVISOR).status());
    }

    @Test
    void twoEditorsOfOneVersionCannotOverwriteEachOther() {
        String id = create(template("Bin on order", "Your new bin is on order, {name}.", 0));
        Api.Reply first = api.put("/staff/responses/" + id, Json.write(template("Bin on order", "Supervisor's words.", 1)), SUPERVISOR);
        assertEquals(200, first.status(), first.body());
        assertEquals(2, first.json().path("version").asInt());
        assertEquals("Jordan Lee", first.json().path("changedBy").asText(), first.body());

        Api.Reply second = api.put("/staff/responses/" + id, Json.write(template("Bin on order", "Admin's words.", 1)), ADMIN);
        assertEquals(409, second.status(), second.body());
        assertEquals("Supervisor's words.", second.json().path("current").path("text").asText(), "shown theirs");
        assertEquals(409, api.delete("/staff/responses/" + id + "?version=1", ADMIN).status(), "nor retire over it");

        Api.Reply defaultSaved = api.get("/staff/responses", ADMIN);
        assertTrue(defaultSaved.body().contains("Supervisor's words."), "kept");
        assertEquals(200, api.delete("/staff/responses/" + id + "?version=2", ADMIN).status());
    }

    @Test
    void theTemplateIsFilledInForTheResidentInTheirLanguageFirst() {
        String reference = report("missed-bin", "ar");
        String display = api.get("/staff/requests/" + reference, SAM).json().path("displayReference").asText();
        Api.Reply offered = api.get("/staff/requests/" + reference + "/responses?status=acknowledged", SAM);
        assertEquals(200, offered.status(), offered.body());
        JsonNode templates = offered.json().path("templates");
        assertEquals("ar", templates.get(0).path("language").asText(), offered.body());
        String text = templates.get(0).path("text").asText();
        assertTrue(text.contains("Alex Citizen") && text.contains(display) && text.contains("Sam Nguyen"), text);
        assertTrue(text.contains("صندوق نفايات لم يُفرَّغ"), "the service in the template's language: " + text);
        assertFalse(text.contains("{"), text);
        List<String> languages = new ArrayList<>();
        templates.forEach(t -> languages.add(t.path("language").asText()));
        assertTrue(languages.containsAll(List.of("ar", "en", "vi")), languages.toString());
        assertFalse(offeredTitles(reference, "acknowledged").contains("Work has started"), "another status's template");
    }

    @Test
    void aRetiredTemplateIsNoLongerOffered() {
        String reference = report("damaged-bin", "en");
        String id = create(template("Replacement lid", "Hello {name}, a new lid for {reference} is on its way.", 0));
        assertTrue(offeredTitles(reference, "in-progress").contains("Replacement lid"));
        assertEquals("Replacement lid", offeredTitles(reference, "in-progress").get(0), "the service's own first");
        assertFalse(offeredTitles(report("missed-bin", "en"), "in-progress").contains("Replacement lid"), "another service's");

        Api.Reply retired = api.delete("/staff/responses/" + id + "?version=1", ADMIN);
        assertEquals(200, retired.status(), retired.body());
        assertTrue(retired.json().path("retired").asBoolean());
        assertFalse(offeredTitles(reference, "in-progress").contains("Replacement lid"));
    }
}

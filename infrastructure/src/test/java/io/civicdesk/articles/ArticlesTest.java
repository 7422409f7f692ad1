package io.civicdesk.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge base through the local gateway: what residents read, and how staff write, publish and retire. */
class ArticlesTest {
    private static final Map<String, String> SAM = Api.signedInAs("demo-officer-waste");
    private static final Map<String, String> PRIYA = Api.signedInAs("demo-officer-roads");
    private static final Map<String, String> JORDAN = Api.signedInAs("demo-supervisor");
    private static final Map<String, String> CHRIS = Api.signedInAs("demo-admin");

    private final Api api = TestStack.api();

    private static String newId() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> draft(String title, String audience) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("kind", "guidance");
        draft.put("audience", audience);
        draft.put("title", title);
        draft.put("summary", "What to do when the green bin is not emptied.");
        draft.put("body", "## Garden waste\n\nPut the bin out by **6am** on your collection day.\n\n- Lid closed\n- Handles to the road");
        draft.put("serviceIds", List.of("missed-bin"));
        draft.put("unitId", "waste");
        draft.put("reviewBy", TestStack.today().plusMonths(6).toString());
        return draft;
    }

    private Api.Reply put(String id, Map<String, Object> body, Map<String, String> who) {
        return api.put("/staff/articles/" + id, Json.write(body), who);
    }

    private Api.Reply post(String path, Object body, Map<String, String> who) {
        return api.post(path, Json.write(body), who);
    }

    @Test
    void aResidentReadsAPublishedResidentArticleRenderedWithTheServicesItHelpsWith() {
        JsonNode article = api.get("/articles/bin-collection-days").json();

        assertEquals("bin-collection-days", article.path("articleId").asText());
        assertTrue(article.path("html").asText().contains("<h2>"), article.toString());
        assertFalse(article.has("body"), "the Markdown source stays on the staff side");
        assertEquals("missed-bin", article.path("services").get(0).path("serviceId").asText(), article.toString());
        assertEquals("Waste Services", article.path("unitName").asText());
    }

    @Test
    void aStaffOnlyArticleADraftAndNoArticleAllAnswerResidentsTheSame() {
        Api.Reply unknown = api.get("/articles/no-such-article");
        Api.Reply staffOnly = api.get("/articles/taking-a-missed-bin-call");
        String id = newId();
        assertEquals(200, put(id, draft("Garden bins " + id, "residents"), SAM).status());
        Api.Reply draftOnly = api.get("/articles/" + id);

        assertEquals(404, unknown.status());
        assertEquals(unknown.status() + unknown.body(), staffOnly.status() + staffOnly.body());
        assertEquals(unknown.status() + unknown.body(), draftOnly.status() + draftOnly.body());
        assertEquals(404, api.get("/articles/%3Cscript%3E").status());
    }

    @Test
    void residentSearchNeverFindsAStaffOnlyArticleButStaffSearchDoes() {
        JsonNode resident = api.get("/search?q=taking+a+missed+bin+call&limit=20").json();
        JsonNode staff = api.get("/staff/knowledge?q=taking+a+missed+bin+call&limit=20", SAM).json();

        assertFalse(resident.toString().contains("taking-a-missed-bin-call"), resident.toString());
        assertFalse(resident.toString().contains("\"audience\":\"staff\""), resident.toString());
        assertTrue(staff.toString().contains("taking-a-missed-bin-call"), staff.toString());
    }

    @Test
    void anOfficerWritesADraftPublishesItChangesItAndTakesItDown() {
        String id = newId();
        JsonNode saved = put(id, draft("Green bins " + id, "residents"), SAM).json();
        assertEquals("draft", saved.path("status").asText());
        assertEquals(1, saved.path("latestVersion").asInt());
        assertTrue(saved.path("canChange").asBoolean());

        JsonNode published = post("/staff/articles/" + id + "/publish", Map.of("revision", saved.path("revision").asInt()), SAM).json();
        assertEquals("published", published.path("status").asText(), published.toString());
        assertEquals(200, api.get("/articles/" + id).status());

        Map<String, Object> second = draft("Green bins, second go " + id, "residents");
        second.put("revision", published.path("revision").asInt());
        JsonNode changed = put(id, second, SAM).json();
        assertTrue(changed.path("hasDraft").asBoolean(), changed.toString());
        assertEquals("Green bins " + id, api.get("/articles/" + id).json().path("title").asText(),
                "residents read the published version until the draft is published");
        assertEquals(2, changed.path("history").size());

        JsonNode retired = post("/staff/articles/" + id + "/retire", Map.of("revision", changed.path("revision").asInt()), SAM).json();
        assertEquals("retired", retired.path("status").asText(), retired.toString());
        assertEquals(404, api.get("/articles/" + id).status());
        assertEquals("Sam Nguyen", retired.path("changedBy").asText());
    }

    @Test
    void onlyTheOwningUnitsStaffAndAdministratorsChangeAnArticleThoughAnyoneOnStaffReadsIt() {
        String id = newId();
        assertEquals(403, put(id, draft("Not mine " + id, "staff"), PRIYA).status(), "an officer of roads writes for waste");
        assertEquals(403, put(id, draft("Not mine " + id, "staff"), JORDAN).status(), "a supervisor belongs to no unit");
        assertEquals(404, api.get("/staff/articles/" + id, SAM).status(), "nothing was written by a refusal");
        JsonNode saved = put(id, draft("An administrator's " + id, "staff"), CHRIS).json();

        JsonNode read = api.get("/staff/articles/" + id, PRIYA).json();
        assertEquals(saved.path("revision").asInt(), read.path("revision").asInt());
        assertFalse(read.path("canChange").asBoolean());
        assertEquals(403, post("/staff/articles/" + id + "/publish", Map.of("revision", read.path("revision").asInt()), PRIYA).status());
        assertEquals(200, post("/staff/articles/" + id + "/publish", Map.of("revision", read.path("revision").asInt()), SAM).status());
        assertEquals(404, api.get("/articles/" + id).status(), "a published staff article is still not for residents");
    }

    @Test
    void aChangeMadeOverAnOlderRevisionIsRefusedWithTheCurrentArticle() {
        String id = newId();
        JsonNode saved = put(id, draft("Twice " + id, "residents"), SAM).json();
        int opened = saved.path("revision").asInt();
        Map<String, Object> ella = draft("Ella's change " + id, "residents");
        ella.put("revision", opened);
        assertEquals(200, put(id, ella, Api.signedInAs("demo-officer-waste-2")).status());

        Map<String, Object> sam = draft("Sam's change " + id, "residents");
        sam.put("revision", opened);
        Api.Reply stale = put(id, sam, SAM);

        assertEquals(409, stale.status(), stale.body());
        assertEquals(opened + 1, stale.json().path("current").path("revision").asInt(), stale.body());
        assertEquals(409, put(id, draft("Again " + id, "residents"), SAM).status(), "a new article over an existing id");
        assertEquals(409, post("/staff/articles/" + id + "/publish", Map.of("revision", opened), SAM).status());
    }

    @Test
    void everyMistakeNamesItsFieldAndNothingIsWritten() {
        String id = newId();
        Map<String, Object> wrong = draft("", "everyone");
        wrong.put("kind", "poem");
        wrong.put("serviceIds", List.of("missed-bin", "no-such-service"));
        wrong.put("unitId", "no-such-unit");
        wrong.put("reviewBy", TestStack.today().minusDays(1).toString());
        wrong.put("body", "x".repeat(Article.BODY_MAX + 1));
        Api.Reply refused = put(id, wrong, SAM);

        for (String field : List.of("title", "audience", "kind", "serviceIds[1]", "unitId", "reviewBy", "body")) {
            refused.assertNames(field);
        }
        assertEquals(404, api.get("/staff/articles/" + id, SAM).status());
        put("preview", draft("Reserved", "residents"), SAM).assertNames("articleId");
        post("/staff/articles/" + id + "/publish", Map.of("revision", "one"), SAM).assertNames("revision");
        api.get("/staff/articles?serviceId=no-such-service", SAM).assertNames("serviceId");
        assertEquals(400, api.put("/staff/articles/" + id, "[1, 2]", SAM).status());
    }

    @Test
    void markdownReachesThePageAsSafeHtmlOnly() {
        JsonNode preview = post("/staff/articles/preview", Map.of("body",
                "Hello <script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)>"), SAM).json();

        String html = preview.path("html").asText();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void besideARequestOfficersSeeTheServicesArticlesAndTheUnitsPage() {
        JsonNode panel = api.get("/staff/articles?serviceId=missed-bin", SAM).json();

        assertTrue(panel.path("articles").toString().contains("taking-a-missed-bin-call"), panel.toString());
        assertTrue(panel.path("articles").toString().contains("bin-collection-days"), panel.toString());
        assertEquals("unit-waste", panel.path("unitPages").get(0).path("articleId").asText(), panel.toString());
    }

    @Test
    void theListFlagsArticlesPastTheirReviewDateAndCarriesTheUnitsAndServicesToChooseFrom() {
        JsonNode list = api.get("/staff/articles", PRIYA).json();

        assertTrue(list.path("articles").size() >= 12, list.toString());
        boolean anyDue = false;
        for (JsonNode article : list.path("articles")) {
            anyDue |= article.path("dueForReview").asBoolean();
        }
        assertTrue(anyDue, "the demo council has an article past its review date");
        assertTrue(list.path("units").toString().contains("\"waste\""));
        assertTrue(list.path("services").toString().contains("\"missed-bin\""));
        assertEquals(401, api.get("/staff/articles").status());
    }
}

package io.civicdesk.guides;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.articles.Audience;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.catalog.Question;
import io.civicdesk.catalog.QuestionType;
import io.civicdesk.catalog.Service;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuidesHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneOffset.UTC);
    private static final Service MISSED_BIN = new Service("missed-bin", "Missed bin collection", "waste", "waste",
            "A bin was not emptied.", "", "2 business days", null, 1, 2, List.of("bin"), 1, List.of(
            new Question("bin-type", "Which bin", QuestionType.SINGLE_CHOICE, true, null,
                    List.of("General waste (red lid)", "Recycling (yellow lid)"), 1, null, null, null)));

    private final InMemoryGuides book = new InMemoryGuides();
    private final InMemoryArticles articles = new InMemoryArticles()
            .published(InMemoryArticles.article("bin-collection-days", Audience.RESIDENTS))
            .published(InMemoryArticles.article("taking-a-missed-bin-call", Audience.STAFF));
    private final GuidesHandler handler = new GuidesHandler(new GuideAdmin(book,
            new GuideCheck(InMemoryCatalog.twoUnits().with(MISSED_BIN), articles, Set.of("banksia-hall")::contains),
            new GuideEnds(id -> id.equals("missed-bin") ? Optional.of("Missed bin collection") : Optional.empty(),
                    id -> articles.published(id).map(article -> "Bin days"),
                    id -> Optional.of("Banksia Community Hall")), CLOCK));

    private static Map<String, Object> bins() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("label", "Recycling (yellow lid)");
        report.put("report", "missed-bin");
        report.put("answers", Map.of("bin-type", "Recycling (yellow lid)"));
        return guide("which-bin", List.of(
                step("which-bin", "Which bin was missed?", List.of(
                        Map.of("label", "Recycling", "next", "out"),
                        Map.of("label", "I do not know my bin day", "article", "bin-collection-days"))),
                step("out", "Was it out by 6am?", List.of(report,
                        Map.of("label", "Book a hall instead", "book", "banksia-hall"),
                        Map.of("label", "Talk to someone", "callBack", true)))));
    }

    private static Map<String, Object> guide(String first, List<Map<String, Object>> steps) {
        Map<String, Object> guide = new LinkedHashMap<>();
        guide.put("title", "My bin was not collected");
        guide.put("intro", "A few questions.");
        guide.put("firstStepId", first);
        guide.put("steps", steps);
        return guide;
    }

    private static Map<String, Object> step(String stepId, String question, List<Map<String, Object>> answers) {
        return Map.of("stepId", stepId, "question", question, "answers", answers);
    }

    private static Map<String, Object> withVersion(Map<String, Object> guide, int version) {
        Map<String, Object> body = new LinkedHashMap<>(guide);
        body.put("version", version);
        return body;
    }

    private APIGatewayV2HTTPResponse put(String topicId, Object body, String group) {
        return call(handler, event("PUT /staff/guides/{topicId}", Map.of("topicId", topicId), body, "admin-1", group));
    }

    private APIGatewayV2HTTPResponse resident(String routeKey, Map<String, String> path) {
        return call(handler, event(routeKey, path, null, null));
    }

    @Test
    void anAdministratorSavesAConversationAndResidentsReadItWithEachEndResolved() {
        APIGatewayV2HTTPResponse saved = put("missed-bins", withVersion(bins(), 0), "admin");
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        assertEquals(1, json(saved).path("version").asInt());

        JsonNode topics = json(resident("GET /guides", null)).path("topics");
        assertEquals("missed-bins", topics.get(0).path("topicId").asText());
        assertEquals("My bin was not collected", topics.get(0).path("title").asText());

        JsonNode guide = json(resident("GET /guides/{topicId}", Map.of("topicId", "missed-bins")));
        assertEquals("which-bin", guide.path("firstStepId").asText());
        JsonNode first = guide.path("steps").get(0).path("answers");
        assertEquals("out", first.get(0).path("next").asText());
        assertEquals("article.html?id=bin-collection-days", first.get(1).path("end").path("url").asText());
        JsonNode out = guide.path("steps").get(1).path("answers");
        assertEquals("report.html?service=missed-bin&a.bin-type=Recycling%20%28yellow%20lid%29",
                out.get(0).path("end").path("url").asText());
        assertEquals("Report it: Missed bin collection", out.get(0).path("end").path("label").asText());
        assertEquals("facility.html?id=banksia-hall", out.get(1).path("end").path("url").asText());
        assertEquals("call-back", out.get(2).path("end").path("kind").asText());
        assertEquals("report.html?service=call-back&channel=phone&a.topic=My%20bin%20was%20not%20collected",
                out.get(2).path("end").path("url").asText());
    }

    @Test
    void aStaleSaveIsAConflictShowingTheCurrentVersion() {
        put("missed-bins", withVersion(bins(), 0), "admin");
        assertEquals(200, put("missed-bins", withVersion(bins(), 1), "admin").getStatusCode());

        APIGatewayV2HTTPResponse stale = put("missed-bins", withVersion(bins(), 1), "admin");
        assertEquals(409, stale.getStatusCode(), stale.getBody());
        assertEquals(2, json(stale).path("current").path("version").asInt(), stale.getBody());
        assertEquals(409, put("missed-bins", withVersion(bins(), 0), "admin").getStatusCode());
        assertEquals(2, book.versions.size());
    }

    @Test
    void eachMistakeIsRefusedNamingTheStepAndField() {
        Map<String, Object> loop = guide("which-bin", List.of(
                step("which-bin", "Which bin?", List.of(Map.of("label", "Recycling", "next", "out"),
                        Map.of("label", "Staff only", "article", "taking-a-missed-bin-call"))),
                step("out", "Out by 6am?", List.of(Map.of("label", "Yes", "next", "which-bin"),
                        Map.of("label", "Two leads", "book", "banksia-hall", "callBack", true)))));
        APIGatewayV2HTTPResponse refused = put("missed-bins", withVersion(loop, 0), "admin");

        assertEquals(400, refused.getStatusCode());
        for (String field : List.of("steps.which-bin.answers[1].lead", "steps.out.answers[0].lead", "steps.out.answers[1].lead")) {
            assertTrue(names(refused, field), field + ": " + refused.getBody());
        }
        assertTrue(names(put("missed-bins", bins(), "admin"), "version"));
        assertTrue(names(put("missed-bins", withVersion(Map.of("title", "x", "firstStepId", "a", "steps", "no"), 0), "admin"), "steps"));
        assertTrue(names(put("Not An Id", withVersion(bins(), 0), "admin"), "topicId"));
        assertEquals(400, put("missed-bins", "[1]", "admin").getStatusCode());
        assertTrue(book.topics().isEmpty());
    }

    @Test
    void onlyAdministratorsSeeAndChangeTheConversations() {
        assertEquals(403, put("missed-bins", withVersion(bins(), 0), "supervisor").getStatusCode());
        assertEquals(403, call(handler, event("GET /staff/guides", null, null, "officer-1", "officer")).getStatusCode());
        assertEquals(401, call(handler, event("GET /staff/guides", null, null, null)).getStatusCode());
        put("missed-bins", withVersion(bins(), 0), "admin");
        JsonNode edited = json(call(handler, event("GET /staff/guides/{topicId}", Map.of("topicId", "missed-bins"), null,
                "admin-1", "admin")));
        assertEquals(1, edited.path("version").asInt());
        assertEquals("bin-collection-days", edited.path("guide").path("steps").get(0).path("answers").get(1).path("article").asText());
    }

    @Test
    void aRetiredTopicLeavesTheResidentPagesAndAnUnknownOneIsNotFound() {
        put("missed-bins", withVersion(bins(), 0), "admin");
        APIGatewayV2HTTPEvent stale = event("DELETE /staff/guides/{topicId}", Map.of("topicId", "missed-bins"), null, "admin-1", "admin");
        stale.setQueryStringParameters(Map.of("version", "7"));
        assertEquals(409, call(handler, stale).getStatusCode());
        APIGatewayV2HTTPEvent noVersion = event("DELETE /staff/guides/{topicId}", Map.of("topicId", "missed-bins"), null, "admin-1", "admin");
        assertTrue(names(call(handler, noVersion), "version"));

        APIGatewayV2HTTPEvent retire = event("DELETE /staff/guides/{topicId}", Map.of("topicId", "missed-bins"), null, "admin-1", "admin");
        retire.setQueryStringParameters(Map.of("version", "1"));
        assertEquals(200, call(handler, retire).getStatusCode());

        assertEquals(404, resident("GET /guides/{topicId}", Map.of("topicId", "missed-bins")).getStatusCode());
        assertFalse(json(resident("GET /guides", null)).path("topics").elements().hasNext());
        assertEquals(404, resident("GET /guides/{topicId}", Map.of("topicId", "no-such-topic")).getStatusCode());
        assertTrue(names(resident("GET /guides/{topicId}", Map.of("topicId", "<b>")), "topicId"));
    }
}

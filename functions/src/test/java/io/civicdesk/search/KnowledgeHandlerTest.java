package io.civicdesk.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.articles.Audience;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.InMemoryTransactions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeHandlerTest {
    // 23:30 UTC is the next morning in Perth: outcomes are counted on the council's day.
    private static final Instant NOW = Instant.parse("2026-06-01T23:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final SearchFakes.Counters counters = new SearchFakes.Counters(transactions);
    private final SearchFakes.Articles articles = new SearchFakes.Articles()
            .with(SearchFakes.article("bin-collection-days", Audience.RESIDENTS, "Bin collection days", "Weekly."))
            .with(SearchFakes.article("taking-a-missed-bin-call", Audience.STAFF, "Taking a missed bin call", "Ask."));
    private final SearchFakes.SynonymGroups synonyms = new SearchFakes.SynonymGroups(
            new Synonyms(List.of(List.of("rubbish", "waste"))));
    private final KnowledgeHandler handler = new KnowledgeHandler(
            new KnowledgeOutcomes(counters, articles, new IdempotentCommand(transactions, transactions, CLOCK),
                    () -> ZoneId.of("Australia/Perth"), CLOCK),
            new SynonymAdmin(synonyms, new SearchFakes.Shelf(), CLOCK));

    private APIGatewayV2HTTPResponse outcome(Object body, String key) {
        APIGatewayV2HTTPEvent event = event("POST /knowledge/outcomes", null, body, null);
        if (key != null) {
            event.setHeaders(Map.of("idempotency-key", key));
        }
        return call(handler, event);
    }

    @Test
    void anOutcomeIsCountedOnTheCouncilsDayAndAnsweredWithNoContent() {
        APIGatewayV2HTTPResponse answer = outcome(Map.of("event", "read", "articleId", "bin-collection-days"), null);

        assertEquals(204, answer.getStatusCode(), answer.getBody());
        assertEquals("", answer.getBody());
        assertEquals(1, counters.articles.get("bin-collection-days").read());
        assertEquals(List.of(LocalDate.of(2026, 6, 2)), counters.days);
    }

    @Test
    void anOutcomeSentAgainWithItsKeyIsCountedOnce() {
        Map<String, String> body = Map.of("event", "helpful", "articleId", "bin-collection-days");
        outcome(body, "outcome-key-0001");
        APIGatewayV2HTTPResponse again = outcome(body, "outcome-key-0001");

        assertEquals(204, again.getStatusCode());
        assertEquals(1, counters.articles.get("bin-collection-days").helpful());
    }

    @Test
    void aStaffOnlyArticleIsAnsweredAsOneThatDoesNotExist() {
        APIGatewayV2HTTPResponse staffOnly = outcome(Map.of("event", "read", "articleId", "taking-a-missed-bin-call"), null);
        APIGatewayV2HTTPResponse unknown = outcome(Map.of("event", "read", "articleId", "no-such-article"), null);

        assertEquals(404, staffOnly.getStatusCode());
        assertEquals(unknown.getBody(), staffOnly.getBody());
        assertTrue(counters.articles.isEmpty());
    }

    @Test
    void aWrongOutcomeIsRefusedNamingEachField() {
        APIGatewayV2HTTPResponse answer = outcome(Map.of("event", "loved-it", "articleId", "Not An Id!",
                "serviceId", "x y", "email", "someone@example.com"), null);

        assertEquals(400, answer.getStatusCode());
        for (String field : List.of("event", "articleId", "serviceId", "email")) {
            assertTrue(names(answer, field), field + ": " + answer.getBody());
        }
        assertTrue(names(outcome(Map.of("event", "read"), null), "articleId"));
        assertEquals(400, outcome("[1, 2]", null).getStatusCode());
    }

    @Test
    void theFiguresSayWhatWasNotFoundAndWhatResidentsDidAfterReading() {
        for (int i = 0; i < 4; i++) {
            outcome(Map.of("event", "read", "articleId", "bin-collection-days"), null);
        }
        outcome(Map.of("event", "reported-after-reading", "articleId", "bin-collection-days"), null);
        outcome(Map.of("event", "helpful", "articleId", "bin-collection-days"), null);
        outcome(Map.of("event", "not-helpful", "articleId", "bin-collection-days"), null);
        counters.noResult(LocalDate.of(2026, 6, 2), "zebra crossing");
        counters.noResult(LocalDate.of(2026, 6, 2), "zebra crossing");
        counters.noResult(LocalDate.of(2026, 6, 2), "dog poo");

        APIGatewayV2HTTPResponse answer = figures("supervisor-1", "supervisor", Map.of());

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        JsonNode figures = json(answer);
        assertEquals("2026-05-04", figures.path("from").asText());
        assertEquals("2026-06-02", figures.path("to").asText());
        assertEquals(3, figures.path("noResultSearches").asLong());
        assertEquals("zebra crossing", figures.path("noResultTerms").get(0).path("term").asText());
        assertEquals(2, figures.path("noResultTerms").get(0).path("searches").asLong());
        JsonNode article = figures.path("articles").get(0);
        assertEquals("Bin collection days", article.path("title").asText());
        assertEquals(1, article.path("helpful").asLong());
        assertEquals(1, article.path("notHelpful").asLong());
        assertEquals(0.75, article.path("readWithoutReporting").asDouble(), 1e-9);
        assertEquals(0.75, figures.path("overall").path("readWithoutReporting").asDouble(), 1e-9);
    }

    @Test
    void theFiguresAreForSupervisorsAccountManagersAndAdministratorsWithAPeriodThatChecks() {
        assertEquals(401, call(handler, event("GET /staff/knowledge/figures", null, null, null)).getStatusCode());
        assertEquals(403, figures("officer-1", "officer", Map.of()).getStatusCode());
        assertEquals(200, figures("manager-1", "account-manager", Map.of()).getStatusCode());
        assertTrue(names(figures("admin-1", "admin", Map.of("from", "2026-13-01")), "from"));
        assertTrue(names(figures("admin-1", "admin", Map.of("from", "2026-06-02", "to", "2026-06-01")), "from"));
        assertTrue(names(figures("admin-1", "admin", Map.of("from", "2024-01-01", "to", "2026-06-01")), "to"));
        JsonNode none = json(figures("admin-1", "admin", Map.of("from", "2026-01-01", "to", "2026-01-31")));
        assertNull(none.path("overall").path("readWithoutReporting").textValue());
    }

    @Test
    void administratorsEditTheSynonymsWithTheVersionTheyRead() {
        assertEquals(403, synonymsCall("GET /staff/synonyms", null, "supervisor").getStatusCode());
        JsonNode current = json(synonymsCall("GET /staff/synonyms", null, "admin"));
        assertEquals(1, current.path("version").asLong());

        APIGatewayV2HTTPResponse saved = synonymsCall("PUT /staff/synonyms", Map.of("version", 1,
                "groups", List.of(List.of("Rubbish", "waste", "garbage"), List.of("verge", "nature  strip"))), "admin");

        assertEquals(200, saved.getStatusCode(), saved.getBody());
        assertEquals(2, json(saved).path("version").asLong());
        assertEquals(List.of(List.of("rubbish", "waste", "garbage"), List.of("verge", "nature strip")),
                synonyms.synonyms().groups());
        APIGatewayV2HTTPResponse stale = synonymsCall("PUT /staff/synonyms", Map.of("version", 1,
                "groups", List.of(List.of("a", "b"))), "admin");
        assertEquals(409, stale.getStatusCode());
        assertEquals(2, json(stale).path("current").path("version").asLong(), stale.getBody());
    }

    @Test
    void aWrongSynonymIsRefusedNamingItsPlace() {
        APIGatewayV2HTTPResponse answer = synonymsCall("PUT /staff/synonyms", Map.of("version", 1, "groups", List.of(
                List.of("rubbish", "waste"), List.of("kerb"), List.of("verge", "<b>"), List.of("bin", "waste"))), "admin");

        assertEquals(400, answer.getStatusCode());
        for (String field : List.of("groups[1]", "groups[2][1]", "groups[3][1]")) {
            assertTrue(names(answer, field), field + ": " + answer.getBody());
        }
        assertFalse(names(answer, "groups[0]"));
        assertTrue(names(synonymsCall("PUT /staff/synonyms", Map.of("groups", List.of()), "admin"), "version"));
        assertTrue(names(synonymsCall("PUT /staff/synonyms", Map.of("version", 1, "groups", "rubbish"), "admin"), "groups"));
    }

    private APIGatewayV2HTTPResponse figures(String staffId, String role, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = event("GET /staff/knowledge/figures", null, null, staffId, role);
        event.setQueryStringParameters(new HashMap<>(query));
        return call(handler, event);
    }

    private APIGatewayV2HTTPResponse synonymsCall(String route, Object body, String role) {
        return call(handler, event(route, null, body, role + "-1", role));
    }
}

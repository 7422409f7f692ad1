package io.civicdesk.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.articles.Article;
import io.civicdesk.articles.Audience;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.InMemoryTransactions;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchHandlerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    private final SearchFakes.Articles articles = new SearchFakes.Articles()
            .with(article("bin-collection-days", Audience.RESIDENTS, "Bin collection days",
                    "General waste is collected every week."))
            .with(article("taking-a-missed-bin-call", Audience.STAFF, "Taking a missed bin call",
                    "Ask the caller which bin was missed and whether it was out by 6am."));
    private final SearchFakes.SynonymGroups synonyms = new SearchFakes.SynonymGroups(
            new Synonyms(List.of(List.of("rubbish", "waste"))));
    private final SearchFakes.Counters counters = new SearchFakes.Counters(new InMemoryTransactions());
    private final SearchHandler handler = new SearchHandler(new KnowledgeSearch(InMemoryCatalog.twoUnits()
            .with(new Service("missed-bin", "Missed bin collection", "Bins", "waste",
                    "Your bin was not emptied on your collection day.", "We send a truck back.", "2 days", null, 1, 2,
                    List.of("wheelie bin"), 1, List.of())),
            articles, synonyms, Clock.fixed(NOW, ZoneOffset.UTC)),
            new NoResultSearches(counters, () -> ZoneId.of("Australia/Perth"), Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void aResidentFindsServicesAndResidentsArticlesWithTheirPages() {
        JsonNode found = json(search("GET /search", "rubish colection"));

        List<String> urls = new ArrayList<>();
        found.path("results").forEach(result -> urls.add(result.path("url").asText()));
        assertTrue(urls.contains("report.html?service=missed-bin"), urls.toString());
        assertTrue(urls.contains("article.html?id=bin-collection-days"), urls.toString());
        assertTrue(found.path("results").get(0).path("snippetHtml").asText().contains("<mark>"), found.toString());
    }

    @Test
    void aResidentNeverFindsAStaffOnlyArticle() {
        APIGatewayV2HTTPResponse answer = search("GET /search", "caller missed bin 6am");

        assertFalse(answer.getBody().contains("taking-a-missed-bin-call"), answer.getBody());
    }

    @Test
    void staffFindStaffOnlyArticlesToo() {
        APIGatewayV2HTTPEvent event = event("GET /staff/knowledge", null, null, "officer-1", "officer");
        event.setQueryStringParameters(Map.of("q", "caller missed bin"));

        APIGatewayV2HTTPResponse answer = call(handler, event);

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        assertTrue(answer.getBody().contains("staff/article.html?id=taking-a-missed-bin-call"), answer.getBody());
    }

    @Test
    void theStaffSearchNeedsASignIn() {
        assertEquals(401, search("GET /staff/knowledge", "caller").getStatusCode());
    }

    @Test
    void anEmptyQueryOrAWrongLimitIsRefusedNamingTheField() {
        APIGatewayV2HTTPResponse empty = search("GET /search", "  ");
        assertEquals(400, empty.getStatusCode());
        assertTrue(names(empty, "q"), empty.getBody());

        APIGatewayV2HTTPEvent tooMany = event("GET /search", null, null, null);
        tooMany.setQueryStringParameters(Map.of("q", "bin", "limit", "500"));
        APIGatewayV2HTTPResponse limit = call(handler, tooMany);
        assertEquals(400, limit.getStatusCode());
        assertTrue(names(limit, "limit"), limit.getBody());
    }

    @Test
    void queryLanguageIsSearchedAsWords() {
        APIGatewayV2HTTPResponse answer = search("GET /search", "bin\" AND (( title:* ~");

        assertEquals(200, answer.getStatusCode(), answer.getBody());
        assertTrue(answer.getBody().contains("missed-bin"), answer.getBody());
    }

    @Test
    void aResidentsSearchThatFindsNothingIsCountedWithItsWordsButNotWhileTyping() {
        search("GET /search", "Zebra crossing 42 Smith St");
        APIGatewayV2HTTPEvent typing = event("GET /search", null, null, null);
        typing.setQueryStringParameters(Map.of("q", "zebra", "typing", "1"));
        call(handler, typing);
        APIGatewayV2HTTPEvent staff = event("GET /staff/knowledge", null, null, "officer-1", "officer");
        staff.setQueryStringParameters(Map.of("q", "zebra"));
        call(handler, staff);

        // Numbers (a house number) are never kept; the words are lower-cased, stop words gone.
        assertEquals(Map.of("", 1L, "zebra crossing smith st", 1L), counters.noResult);
        assertEquals(List.of(LocalDate.of(2026, 6, 1)), counters.days);
    }

    private APIGatewayV2HTTPResponse search(String route, String q) {
        APIGatewayV2HTTPEvent event = event(route, null, null, null);
        Map<String, String> query = new HashMap<>();
        query.put("q", q);
        event.setQueryStringParameters(query);
        return call(handler, event);
    }

    private static Article article(String id, Audience audience, String title, String body) {
        return SearchFakes.article(id, audience, title, body);
    }
}

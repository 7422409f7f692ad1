package io.civicdesk.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outcomes and the knowledge figures through the local gateway, counted in FiguresTable. */
class KnowledgeOutcomesTest {
    private final Api api = TestStack.api();

    @Test
    void aSearchThatFindsNothingIsInTheFiguresWithItsWords() {
        String word = "zqx" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 6);
        assertEquals(0, api.get("/search?q=" + word + "+42").json().path("results").size());
        api.get("/search?q=" + word + "+typing&typing=1");

        JsonNode figures = api.get("/staff/knowledge/figures?from=" + TestStack.today() + "&to=" + TestStack.today(),
                Api.signedInAs("demo-supervisor")).json();

        assertTrue(figures.path("noResultSearches").asLong() >= 1, figures.toString());
        assertTrue(figures.path("noResultTerms").toString().contains("\"" + word + "\""), figures.toString());
        assertTrue(!figures.path("noResultTerms").toString().contains(word + " typing"), figures.toString());
    }

    @Test
    void anOutcomeForAnArticleThatIsNotPublishedForResidentsIsNotFoundAndAWrongOneNamesItsField() {
        Api.Reply unknown = api.post("/knowledge/outcomes", Map.of("event", "read", "articleId", "taking-a-missed-bin-call"));
        assertEquals(404, unknown.status(), unknown.body());
        api.post("/knowledge/outcomes", Map.of("event", "loved", "articleId", "bin-collection-days")).assertNames("event");
        api.post("/knowledge/outcomes", Map.of("event", "read", "articleId", "bin-collection-days", "name", "Jo"))
                .assertNames("name");
    }

    @Test
    void theFiguresAreForSupervisorsNotOfficers() {
        assertEquals(403, api.get("/staff/knowledge/figures", Api.signedInAs("demo-officer-waste")).status());
        assertEquals(200, api.get("/staff/knowledge/figures", Api.signedInAs("demo-account-manager")).status());
        api.get("/staff/knowledge/figures?from=yesterday", Api.signedInAs("demo-admin")).assertNames("from");
    }
}

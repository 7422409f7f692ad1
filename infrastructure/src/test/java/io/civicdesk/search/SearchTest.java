package io.civicdesk.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /search} over the demo council's catalogue as the local stack loaded it, synonyms included. */
class SearchTest {
    private static Api api;

    @BeforeAll
    static void theDemoCouncilIsLoaded() {
        api = TestStack.api();
    }

    private static List<String> found(String typed) {
        Api.Reply reply = api.get("/search?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.body());
        List<String> ids = new ArrayList<>();
        reply.json().path("results").forEach(result -> ids.add(result.path("id").asText()));
        return ids;
    }

    @Test
    void aMisspeltProblemFindsTheService() {
        assertTrue(found("my rubish bin wasnt colected").contains("missed-bin"), found("my rubish bin wasnt colected").toString());
    }

    @Test
    void theCouncilsSynonymsFromTheCatalogueFileAreUsed() {
        // "garbage" is only in the catalogue file's synonyms, beside "rubbish", a keyword of the missed-bin service.
        assertTrue(found("garbage").contains("missed-bin"), found("garbage").toString());
    }

    @Test
    void resultsOpenTheServicesReportForm() {
        JsonNode first = api.get("/search?q=missed+bin").json().path("results").get(0);

        assertEquals("service", first.path("type").asText());
        assertEquals("report.html?service=missed-bin", first.path("url").asText());
    }

    @Test
    void anEmptySearchIsRefusedNamingQ() {
        api.get("/search?q=").assertNames("q");
    }

    @Test
    void staffSearchTheSameThroughTheirSignIn() {
        assertEquals(401, api.get("/staff/knowledge?q=bin").status());
        Api.Reply reply = api.get("/staff/knowledge?q=bin", Api.signedInAs("demo-officer-waste"));
        assertEquals(200, reply.status(), reply.body());
    }
}

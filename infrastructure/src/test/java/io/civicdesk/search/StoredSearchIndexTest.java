package io.civicdesk.search;

import io.civicdesk.languages.Language;
import io.civicdesk.articles.ArticleStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index as the deployed functions keep it, on the local stack's emulation of the template's stream: built from
 * the demo council when it is loaded, stored in CatalogTable, loaded by a fresh search function, and built again
 * when an administrator changes the synonyms.
 */
class StoredSearchIndexTest {
    private static final String TABLE = "CatalogTable";
    private final DynamoDbClient dynamo = TestStack.get().dynamoDb();
    private final SearchIndexStore stored = new SearchIndexStore(dynamo, TABLE);
    private final Api api = TestStack.api();

    private IndexGeneration waitFor(Predicate<IndexGeneration> wanted) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            Optional<IndexGeneration> current = stored.current();
            if (current.isPresent() && wanted.test(current.get())) {
                return current.get();
            }
            sleep();
        }
        throw new AssertionError("No such generation of the index within 30 s; the pointer is " + stored.current());
    }

    /** A new container of SearchFunction, as Lambda starts one. */
    private KnowledgeSearch freshSearchFunction() {
        return new KnowledgeSearch(new CatalogStore(dynamo, TABLE), new ArticleStore(dynamo, TABLE),
                new SynonymStore(dynamo, TABLE), stored, TestStack.clock(), KnowledgeSearch.RECHECK);
    }

    @Test
    void theDemoCouncilsIndexIsStoredInChunksAndAFreshFunctionLoadsIt() {
        IndexGeneration generation = waitFor(g -> g.documents() > 0);

        List<Map<String, AttributeValue>> chunks = dynamo.query(q -> q.tableName(TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SEARCH#INDEX#" + generation.id())))).items();
        assertEquals(generation.chunks(), chunks.size());
        chunks.forEach(chunk -> assertTrue(chunk.get("data").b().asByteArray().length < 350 * 1024));
        assertTrue(stored.read(generation).isPresent());

        KnowledgeSearch search = freshSearchFunction();
        String searched = search.generation().orElseThrow();
        assertTrue(stored.current().map(IndexGeneration::id).orElseThrow().compareTo(searched) >= 0);
        assertTrue(search.forResidents(SearchQuery.of("my rubish bin wasnt colected"), Language.SOURCE, 5).hits().stream()
                .anyMatch(hit -> hit.id().equals("missed-bin")));
    }

    @Test
    void aChangeToTheSynonymsIsBuiltIntoTheNextGenerationAndTheOldOnesGo() {
        SynonymBook.Saved before = new SynonymStore(dynamo, TABLE).saved();
        Map<String, String> admin = Api.signedInAs("demo-admin");
        try {
            assertTrue(freshSearchFunction().forResidents(SearchQuery.of("gurgler"), Language.SOURCE, 5).hits().stream()
                    .noneMatch(hit -> hit.id().equals("blocked-drain")));
            List<List<String>> groups = new java.util.ArrayList<>(before.synonyms().groups());
            groups.add(List.of("gurgler", "drain"));
            Api.Reply saved = api.put("/staff/synonyms", Json.write(Map.of("groups", groups, "version", before.version())), admin);
            assertEquals(200, saved.status(), saved.body());
            long version = saved.json().path("version").asLong();

            IndexGeneration rebuilt = waitFor(g -> g.synonymsVersion() >= version);

            KnowledgeSearch search = freshSearchFunction();
            assertEquals(rebuilt.id(), search.generation().orElseThrow());
            assertTrue(search.forResidents(SearchQuery.of("gurgler"), Language.SOURCE, 5).hits().stream()
                    .anyMatch(hit -> hit.id().equals("blocked-drain")));
            assertTrue(api.get("/staff/synonyms", admin).json().path("inUse").asBoolean());
            // The current generation and the one it replaced; none older.
            Set<String> kept = dynamo.scanPaginator(s -> s.tableName(TABLE)).items().stream()
                    .map(item -> item.get("pk").s()).filter(pk -> pk.startsWith("SEARCH#INDEX#"))
                    .collect(Collectors.toSet());
            assertTrue(kept.size() <= 2 && kept.contains("SEARCH#INDEX#" + rebuilt.id()), kept.toString());
        } finally {
            long now = new SynonymStore(dynamo, TABLE).saved().version();
            api.put("/staff/synonyms", Json.write(Map.of("groups", before.synonyms().groups(), "version", now)), admin);
        }
    }

    @Test
    void aStaleEditOfTheSynonymsIsRefused() {
        Map<String, String> admin = Api.signedInAs("demo-admin");
        long version = api.get("/staff/synonyms", admin).json().path("version").asLong();

        Api.Reply stale = api.put("/staff/synonyms", Json.write(Map.of("groups", List.of(List.of("a", "b")),
                "version", version - 1)), admin);

        assertEquals(409, stale.status(), stale.body());
        assertFalse(new SynonymStore(dynamo, TABLE).synonyms().groups().contains(List.of("a", "b")));
        api.put("/staff/synonyms", Json.write(Map.of("groups", List.of(List.of("verge", "<kerb>")), "version", version)),
                admin).assertNames("groups[0][1]");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

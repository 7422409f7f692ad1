package io.civicdesk.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleDraft;
import io.civicdesk.articles.ArticleService;
import io.civicdesk.articles.ArticleStore;
import io.civicdesk.bookings.FacilityStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.guides.Guide;
import io.civicdesk.guides.GuideStore;
import io.civicdesk.local.LocalStack;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./civicdesk seed} against a local stack that starts with an empty catalogue: the example file loads, twice
 * to the same items, and the portal's API serves it; policies keep their places in the order across loads.
 */
class SeedCatalogTest {
    private static final Clock DECEMBER_2026 = Clock.fixed(OffsetDateTime.parse("2026-12-02T10:00+08:00").toInstant(), ZoneOffset.UTC);
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0).eventSources(false));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run seed(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SeedCatalog.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stack::dynamoDb, DECEMBER_2026);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theExampleLoadsTwiceToTheSameItemsAndThePortalListsIt() throws Exception {
        String example = CatalogSchemaTest.EXAMPLE.toString();
        Run first = seed(example, "--table", "CatalogTable");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("City of Melaleuca: 6 units, 14 services, 2 calendars, 3 policies, 7 facilities"), first.out());
        assertTrue(first.out().contains(", 17 articles, 3 guided conversations, 8 retention periods."), first.out());
        Map<String, Map<String, AttributeValue>> once = items("CatalogTable");
        Run second = seed(example, "--table", "CatalogTable");
        assertEquals(0, second.exit(), second.err());
        assertEquals(once, items("CatalogTable"));
        // units, services, council, calendars, policies and their places, facilities, the synonyms, each
        // article's first version, state and published copy (loaded again unchanged, no new version), and each guided
        // conversation's current item and its first version, the retention schedule, and the response templates
        assertEquals(6 + 14 + 1 + 2 + 3 + 3 + 7 + 1 + 17 * 3 + 3 * 2 + 1 + 6, once.size(), once.keySet().toString());

        CatalogFile file = CatalogFile.read(CatalogSchemaTest.EXAMPLE, DECEMBER_2026);
        CatalogStore catalog = new CatalogStore(stack.dynamoDb(), "CatalogTable");
        assertEquals(file.council(), catalog.council());
        assertEquals(file.services(), catalog.catalogue().services().stream()
                .sorted(Comparator.comparingInt(Service::order)).toList());
        assertEquals(file.calendar("council"), catalog.calendar("council").orElseThrow());
        assertEquals(file.calendar("round-the-clock"), catalog.calendar("round-the-clock").orElseThrow());
        assertEquals(file.policies(), catalog.policies());
        assertEquals(Map.of("10", "hazard", "20", "urgent", "30", "high"), places("CatalogTable"));
        assertEquals(file.facilities(), new FacilityStore(stack.dynamoDb(), "CatalogTable").all());
        GuideStore guides = new GuideStore(stack.dynamoDb(), "CatalogTable");
        assertEquals(file.guides().stream().map(Guide::topicId).sorted().toList(),
                guides.topics().stream().map(topic -> topic.guide().topicId()).toList());
        assertTrue(guides.current("bin-not-collected").orElseThrow().guide().sameConversation(file.guides().get(0)));
        assertEquals(1, guides.current("bin-not-collected").orElseThrow().guide().version(), "the same file twice is one version");

        Api.Reply services = new Api(stack.apiUrl()).get("/services");
        assertEquals(200, services.status(), services.body());
        assertEquals("City of Melaleuca", services.json().path("council").path("name").asText());
        JsonNode bins = services.json().path("themes").get(0);
        assertEquals("Bins and waste", bins.path("name").asText());
        assertEquals("Missed bin collection", bins.path("services").get(0).path("name").asText());
        Api.Reply missedBin = new Api(stack.apiUrl()).get("/services/missed-bin");
        assertEquals("Which bin was missed?", missedBin.json().path("questions").get(0).path("label").asText());
    }

    /** A council of one service, and its policies as {@code policies} lists them. */
    private static Path council(String policies) throws Exception {
        Path file = Files.createTempFile("wandoo", ".yaml");
        Files.writeString(file, """
                council: {name: Shire of Wandoo, calendarId: office}
                units: [{id: works, name: Works}]
                services:
                  - {id: pothole, name: Pothole, theme: Roads, unitId: works, description: A hole in a road.,
                     whatHappensNext: We fill it., timeframe: Within a week., responseDays: 1, resolutionDays: 5}
                calendars:
                  - {id: office, timeZone: Australia/Perth, openingHours: {monday: [08:30-17:00]}}
                policies:
                """ + policies);
        file.toFile().deleteOnExit();
        return file;
    }

    private static String policy(String id, int order) {
        return "  - {id: " + id + ", order: " + order + ", priority: " + id + ", firstResponseMinutes: 60, resolutionMinutes: 600}\n";
    }

    @Test
    void policiesSwapPlacesAndNoPlaceIsLeftClaimed() throws Exception {
        String table = freshTable();
        assertEquals(0, seed(council(policy("urgent", 10) + policy("high", 20)).toString(), "--table", table).exit());
        Run swapped = seed(council(policy("high", 10) + policy("urgent", 20)).toString(), "--table", table);
        assertEquals(0, swapped.exit(), swapped.err());
        assertEquals(List.of("high", "urgent"), new CatalogStore(stack.dynamoDb(), table).policies().stream()
                .map(ServiceLevelPolicy::id).toList());
        assertEquals(Map.of("10", "high", "20", "urgent"), places(table));

        Run moved = seed(council(policy("high", 10) + policy("urgent", 40)).toString(), "--table", table);
        assertEquals(0, moved.exit(), moved.err());
        assertEquals(Map.of("10", "high", "40", "urgent"), places(table));
    }

    @Test
    void aPlaceHeldByAPolicyTheFileDoesNotNameStopsTheLoadBeforeAnythingIsWritten() throws Exception {
        String table = freshTable();
        CatalogStore catalog = new CatalogStore(stack.dynamoDb(), table);
        catalog.savePolicy(new ServiceLevelPolicy("storm", 10, null, null, Duration.ofHours(1), Duration.ofHours(8),
                null, List.of(), null), null);
        Path file = council(policy("urgent", 10) + policy("high", 20));
        Run refused = seed(file.toString(), "--table", table);
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains(file.getFileName() + ":9:25: policies[0].order: place 10 is held in the table by policy "
                + "\"storm\", which this file does not name"), refused.err());
        assertTrue(refused.err().contains("1 mistake in " + file + "; nothing was written."), refused.err());
        assertEquals(List.of("POLICY#storm", "POLICY-ORDER#10"), List.copyOf(items(table).keySet()).stream()
                .map(key -> key.substring(key.indexOf('|') + 1)).toList());

        Run loaded = seed(council(policy("urgent", 20) + policy("high", 30)).toString(), "--table", table);
        assertEquals(0, loaded.exit(), loaded.err());
        assertTrue(loaded.out().contains("The table also holds what this file does not name, left as it was: policy storm."), loaded.out());
    }

    @Test
    void anArticleStaffChangedKeepsTheirChangeWhenTheFileIsLoadedAgain() throws Exception {
        String table = freshTable();
        String example = CatalogSchemaTest.EXAMPLE.toString();
        assertEquals(0, seed(example, "--table", table).exit());
        ArticleStore store = new ArticleStore(stack.dynamoDb(), table);
        ArticleService articles = new ArticleService(store, new DynamoTransactions(stack.dynamoDb()),
                new CatalogStore(stack.dynamoDb(), table), DECEMBER_2026);
        StaffCaller sam = new StaffCaller("demo-officer-waste", "Sam Nguyen", "sam.nguyen@melaleuca.example",
                Set.of(StaffCaller.Role.OFFICER), "waste");
        Article loaded = store.published("bin-collection-days").orElseThrow();
        articles.save(sam, "bin-collection-days", new ArticleDraft(loaded.kind(), loaded.audience(), "Our bin days",
                loaded.summary(), loaded.body(), loaded.serviceIds(), loaded.unitId(), loaded.reviewBy(), 1,
                loaded.translations()));
        articles.publish(sam, "bin-collection-days", 2);

        Run again = seed(example, "--table", table);

        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("article bin-collection-days, changed on the staff pages"), again.out());
        assertEquals("Our bin days", store.published("bin-collection-days").orElseThrow().title());
        assertEquals(2, store.state("bin-collection-days").orElseThrow().latestVersion());
    }

    @Test
    void withoutATableNamedTheFileGoesToCatalogTable() {
        // The stack sets CATALOG_TABLE as the functions have it.
        Run loaded = seed(CatalogSchemaTest.EXAMPLE.toString());
        assertEquals(0, loaded.exit(), loaded.err());
        assertTrue(loaded.out().contains("melaleuca.yaml into CatalogTable."), loaded.out());
    }

    @Test
    void checkReadsTheFileAndWritesNothing() throws Exception {
        String table = freshTable();
        Run checked = seed(CatalogSchemaTest.EXAMPLE.toString(), "--check", "--table", table);
        assertEquals(0, checked.exit(), checked.err());
        assertTrue(checked.out().contains("melaleuca.yaml is a catalogue that can be loaded. City of Melaleuca: 6 units"), checked.out());
        assertEquals(Map.of(), items(table));

        Path wrong = council(policy("urgent", 10));
        Files.writeString(wrong, Files.readString(wrong).replace("unitId: works", "unitId: wroks"));
        Run mistaken = seed(wrong.toString(), "--check");
        assertEquals(1, mistaken.exit());
        assertTrue(mistaken.err().contains(wrong.getFileName() + ":4:56: services[0].unitId: there is no unit \"wroks\" in this file"), mistaken.err());

        assertEquals(2, seed().exit());
        assertEquals(2, seed(wrong.toString(), "--tabel", "CatalogTable").exit());
    }

    private static String freshTable() {
        String table = "Catalog" + TABLES.incrementAndGet();
        stack.dynamoDb().createTable(create -> create.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
        return table;
    }

    /** Every item of the table by "pk|sk", in key order. */
    private static Map<String, Map<String, AttributeValue>> items(String table) {
        return stack.dynamoDb().scanPaginator(scan -> scan.tableName(table)).items().stream()
                .collect(Collectors.toMap(item -> item.get("pk").s() + "|" + item.get("sk").s(), item -> item, (a, b) -> a, TreeMap::new));
    }

    /** The places in the order that are claimed, and by which policy. */
    private static Map<String, String> places(String table) {
        return items(table).entrySet().stream().filter(entry -> entry.getKey().startsWith("CATALOG|POLICY-ORDER#"))
                .collect(Collectors.toMap(entry -> entry.getKey().substring("CATALOG|POLICY-ORDER#".length()),
                        entry -> entry.getValue().get("policyId").s()));
    }
}

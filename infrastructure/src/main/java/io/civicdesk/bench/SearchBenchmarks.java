package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.articles.Audience;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.local.LocalStack;
import io.civicdesk.local.template.FunctionDefinition;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.search.IndexBuilder;
import io.civicdesk.search.IndexGeneration;
import io.civicdesk.search.SearchHandler;
import io.civicdesk.search.SearchIndexStore;
import io.civicdesk.search.SynonymStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Search over {@value #ARTICLES} generated articles and the demo council's services: the index built and stored as
 * SearchIndexFunction stores it (into the local stack's CatalogTable), its size, then SearchFunction cold (a fresh
 * JVM loading the stored generation to its first answer, against the floor) and warm (the real handler in process,
 * one query after another), each against the floor's same measure.
 */
final class SearchBenchmarks {
    static final int ARTICLES = 2_000;
    private static final int BUILDS = 3;
    private static final int COLD_WARM_UP = 1;
    private static final int COLD_RUNS = 11;
    private static final int WARM_QUERIES = 400;
    private static final String TABLE_NAME = "CatalogTable";
    /** What residents type: right, misspelt, in sentences, with synonyms, and Lucene syntax typed by accident. */
    private static final List<String> QUERIES = List.of("missed bin", "my rubish bin wasnt colected", "pothoel",
            "verge mowing", "street light out", "graffiti on the fence", "hard rubbish collection", "kerb",
            "garbage", "barking dog next door", "hall hire", "bin AND (( \"* ~", "fallen branch on footpath",
            "abandoned car", "dumped mattress");
    private static final List<String> WORDS = List.of("bin", "bins", "collection", "collected", "recycling", "garden",
            "organics", "verge", "footpath", "road", "pothole", "drain", "street", "light", "graffiti", "tree", "branch",
            "dog", "cat", "ranger", "permit", "building", "fence", "hall", "booking", "park", "playground", "reserve",
            "rates", "payment", "library", "pool", "parking", "noise", "burning", "water", "council", "resident", "week",
            "day", "report", "inspect", "repair", "replace", "request", "officer", "crew", "contractor", "safety",
            "weather", "storm", "flood", "mowing", "weeds", "litter", "dumping", "mattress", "vehicle", "sign");

    private SearchBenchmarks() {
    }

    static List<Table> measure(LocalStack stack, SamTemplate template, List<Path> functionClasspath) throws Exception {
        DynamoDbClient dynamo = stack.dynamoDb();
        ArticleLibrary articles = generated();
        SearchIndexStore stored = new SearchIndexStore(dynamo, TABLE_NAME);
        IndexBuilder builder = new IndexBuilder(new CatalogStore(dynamo, TABLE_NAME), articles,
                new SynonymStore(dynamo, TABLE_NAME), stored, Clock.systemUTC());
        long[] buildMillis = new long[BUILDS];
        long[] storeMillis = new long[BUILDS];
        IndexBuilder.Built built = null;
        for (int i = 0; i < BUILDS; i++) {
            long start = System.nanoTime();
            built = builder.rebuild();
            storeMillis[i] = (System.nanoTime() - start) / 1_000_000;
            buildMillis[i] = built.buildMillis();
        }
        IndexGeneration generation = stored.current().orElseThrow();
        long largestChunk = dynamo.query(q -> q.tableName(TABLE_NAME).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SEARCH#INDEX#" + generation.id()))))
                .items().stream().mapToLong(item -> item.get("data").b().asByteArrayUnsafe().length).max().orElse(0);

        Table index = new Table("Search index, " + Table.number(ARTICLES) + " generated articles",
                "How measured: " + Table.number(ARTICLES) + " generated articles (title, summary, a Markdown body of 80 to"
                        + " 200 words from a council vocabulary, 1 in 5 staff-only) and the demo council's services, built"
                        + " by IndexBuilder (SearchIndexFunction's code) against the local stack, " + BUILDS + " times;"
                        + " build = documents to Lucene index to bytes; with storing = that plus the chunks"
                        + " (BatchWriteItem), the pointer's conditional PutItem and the removal of the generation before.",
                "Documents", "Index bytes", "Chunks", "Largest chunk bytes", "Build ms (median)", "Build and store ms (median)");
        index.add(built.documents(), Table.number(built.bytes()), built.chunks(), Table.number(largestChunk),
                median(buildMillis), median(storeMillis));

        Table latency = new Table("Search latency, " + Table.number(ARTICLES) + " generated articles, against the floor",
                "How measured: cold = " + COLD_RUNS + " fresh JVMs (after " + COLD_WARM_UP + " warm-up) of SearchHandler,"
                        + " each loading the stored generation (pointer GetItem, chunks Query) and answering GET /search?q="
                        + Events.SAMPLE_SEARCH.replace(' ', '+') + ", round-robin with the floor (FloorHandler: SDK clients"
                        + " and one GetItem); warm = the real handler in process, " + WARM_QUERIES + " searches cycling over "
                        + QUERIES.size() + " queries (misspelt, synonyms, query syntax), after one uncounted; the floor's"
                        + " warm figure is its one GetItem, invoked the same way.",
                "Measure", "Runs", "p50 ms", "p95 ms", "Floor p50 ms", "Floor p95 ms", "Over floor p50 ms");
        FunctionDefinition function = template.functions().stream()
                .filter(f -> f.logicalId().equals("SearchFunction")).findFirst().orElseThrow();
        Set<String> variables = new LinkedHashSet<>(function.environment().keySet());
        variables.add("JAVA_TOOL_OPTIONS");
        long[][] cold = ColdStarts.handlerAndFloor(stack, functionClasspath, SearchHandler.class.getName(),
                "GET /search", variables, COLD_WARM_UP, COLD_RUNS);
        row(latency, "Cold: fresh JVM to first answer", cold[0], cold[1]);
        long[][] warm = warm();
        row(latency, "Warm: one search", warm[0], warm[1]);
        return List.of(index, latency);
    }

    /** The handlers in this JVM, with the settings the local stack gave every function. */
    private static long[][] warm() {
        SearchHandler search = new SearchHandler();
        FloorHandler floor = new FloorHandler();
        search.handleRequest(searchEvent(QUERIES.get(0)), null);
        floor.handleRequest(Events.http("GET /", Map.of(), Map.of(), null), null);
        long[] searches = new long[WARM_QUERIES];
        long[] floors = new long[WARM_QUERIES];
        for (int i = 0; i < WARM_QUERIES; i++) {
            APIGatewayV2HTTPEvent event = searchEvent(QUERIES.get(i % QUERIES.size()));
            long start = System.nanoTime();
            APIGatewayV2HTTPResponse answer = search.handleRequest(event, null);
            searches[i] = System.nanoTime() - start;
            if (System.getenv("BENCH_DEBUG") != null) {
                System.err.printf("DEBUG %-35s %8.2f %s%n", QUERIES.get(i % QUERIES.size()), searches[i] / 1e6,
                        answer.getBody().contains("\"results\":[]") ? "none" : "");
            }
            if (answer.getStatusCode() != 200) {
                throw new IllegalStateException("GET /search answered " + answer.getStatusCode() + ": " + answer.getBody());
            }
            APIGatewayV2HTTPEvent bare = Events.http("GET /", Map.of(), Map.of(), null);
            start = System.nanoTime();
            floor.handleRequest(bare, null);
            floors[i] = System.nanoTime() - start;
        }
        return new long[][]{searches, floors};
    }

    private static APIGatewayV2HTTPEvent searchEvent(String q) {
        APIGatewayV2HTTPEvent event = Events.http("GET /search", Map.of(), Map.of(), null);
        event.setQueryStringParameters(Map.of("q", q));
        return event;
    }

    private static void row(Table table, String what, long[] nanos, long[] floorNanos) {
        long[] sorted = Arrays.stream(nanos).sorted().toArray();
        long[] floor = Arrays.stream(floorNanos).sorted().toArray();
        table.add(what, sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(floor, 50)), millis(percentile(floor, 95)),
                millis(percentile(sorted, 50) - percentile(floor, 50)));
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String millis(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    private static long median(long[] values) {
        long[] sorted = Arrays.stream(values).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /** The same {@value #ARTICLES} articles every run (a fixed seed), so runs compare. */
    static ArticleLibrary generated() {
        Random random = new Random(10);
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String title = capitalised(words(random, 3 + random.nextInt(4)));
            String summary = capitalised(words(random, 10 + random.nextInt(10))) + ".";
            StringBuilder body = new StringBuilder("## ").append(capitalised(words(random, 3))).append("\n\n");
            int length = 80 + random.nextInt(121);
            for (int w = 0; w < length; w += 12) {
                body.append(capitalised(words(random, 12))).append(w % 48 == 36 ? ".\n\n" : ". ");
            }
            articles.add(new Article("generated-" + i, i % 10 == 0 ? ArticleKind.UNIT_PAGE : ArticleKind.GUIDANCE,
                    i % 5 == 0 ? Audience.STAFF : Audience.RESIDENTS, title, summary, body.toString(),
                    List.of("missed-bin"), "waste", LocalDate.of(2030, 1, 1), 1, Instant.EPOCH, "bench", null));
        }
        return new ArticleLibrary() {
            @Override
            public List<Article> published() {
                return articles;
            }

            @Override
            public Optional<Article> published(String articleId) {
                return articles.stream().filter(article -> article.articleId().equals(articleId)).findFirst();
            }
        };
    }

    private static String words(Random random, int count) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join(" ", chosen);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

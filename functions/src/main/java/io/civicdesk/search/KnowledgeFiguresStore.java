package io.civicdesk.search;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The knowledge base's daily counters, in the figures table, each changed only by an atomic ADD.
 *
 * <pre>
 * pk                    sk                       item
 * KNOWLEDGE#NO-RESULT   DAY#{yyyy-mm-dd}         day, searches: residents' searches that found nothing that day
 * KNOWLEDGE#NO-RESULT   DAY#{yyyy-mm-dd}#{term}  day, term (normalised words, at most 60 characters), searches
 * KNOWLEDGE#ARTICLES    DAY#{yyyy-mm-dd}#{id}    day, articleId, helpful, notHelpful, read, reportedAfterReading
 * IDEMPOTENCY#{sha256}  IDEMPOTENCY              an outcome's first answer (IdempotencyStore), expiresAt a day on
 * </pre>
 *
 * Days are the council's. A period's figures are one Query of each partition between two days (paged): an item per
 * day and term searched in vain, and per day and article that residents did something with. Nothing here says who.
 */
public final class KnowledgeFiguresStore implements KnowledgeCounters {
    private static final String NO_RESULT = "KNOWLEDGE#NO-RESULT";
    private static final String ARTICLES = "KNOWLEDGE#ARTICLES";

    private final DynamoDbClient dynamo;
    private final String table;

    public KnowledgeFiguresStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void noResult(LocalDate day, String term) {
        dynamo.updateItem(update -> update.tableName(table).key(Items.key(NO_RESULT, "DAY#" + day))
                .updateExpression("SET #day = :day ADD searches :one")
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(Map.of(":day", s(day.toString()), ":one", n(1))));
        if (term != null) {
            dynamo.updateItem(update -> update.tableName(table).key(Items.key(NO_RESULT, "DAY#" + day + "#" + term))
                    .updateExpression("SET #day = :day, term = :term ADD searches :one")
                    .expressionAttributeNames(Map.of("#day", "day"))
                    .expressionAttributeValues(Map.of(":day", s(day.toString()), ":term", s(term), ":one", n(1))));
        }
    }

    @Override
    public Write outcome(LocalDate day, String articleId, KnowledgeEvent event) {
        return Write.update("outcome", Update.builder().tableName(table)
                .key(Items.key(ARTICLES, "DAY#" + day + "#" + articleId))
                .updateExpression("SET #day = :day, articleId = :articleId ADD #counter :one")
                .expressionAttributeNames(Map.of("#day", "day", "#counter", event.counter()))
                .expressionAttributeValues(Map.of(":day", s(day.toString()), ":articleId", s(articleId), ":one", n(1)))
                .build());
    }

    @Override
    public Totals totals(LocalDate from, LocalDate to) {
        long[] noResult = {0};
        Map<String, Long> terms = new TreeMap<>();
        query(NO_RESULT, from, to, item -> {
            long searches = count(item, "searches");
            String term = Items.string(item, "term");
            if (term == null) {
                noResult[0] += searches;
            } else {
                terms.merge(term, searches, Long::sum);
            }
        });
        Map<String, ArticleFigures> articles = new LinkedHashMap<>();
        query(ARTICLES, from, to, item -> {
            String articleId = Items.string(item, "articleId");
            ArticleFigures day = new ArticleFigures(articleId, null, count(item, "helpful"), count(item, "notHelpful"),
                    count(item, "read"), count(item, "reportedAfterReading"));
            articles.merge(articleId, day, ArticleFigures::plus);
        });
        return new Totals(noResult[0], terms, new ArrayList<>(articles.values()));
    }

    private void query(String partition, LocalDate from, LocalDate to, Consumer<Map<String, AttributeValue>> each) {
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(partition), ":from", s("DAY#" + from),
                            ":to", s("DAY#" + to + "#\uffff")))
                    .exclusiveStartKey(startKey).build());
            page.items().forEach(each);
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        Long n = Items.number(item, name);
        return n == null ? 0 : n;
    }
}

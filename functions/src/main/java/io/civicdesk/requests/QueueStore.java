package io.civicdesk.requests;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.s;

/**
 * The work queues: pages of the UnitQueue and AssigneeQueue indexes of the requests table, whose key design is
 * {@link RequestStore}'s. A page is one Query of an index that projects what a queue row shows.
 */
public final class QueueStore {
    public static final String UNIT_QUEUE = "UnitQueue";
    public static final String ASSIGNEE_QUEUE = "AssigneeQueue";
    public static final String OPEN = RequestItems.OPEN;
    public static final String DONE = RequestItems.DONE;
    /** Sorts after every character a queue key holds, to close a key range. */
    public static final String END = "~";

    private final DynamoDbClient dynamo;
    private final String table;

    public QueueStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * A read of one queue: a partition of {@link #UNIT_QUEUE} or {@link #ASSIGNEE_QUEUE}, a range of its queue
     * keys, in order, with filters applied as the items are read.
     *
     * @param equalTo   attribute → value each item must have (status, priority, serviceId, queueUnit, assigneeId)
     * @param startKey  where the previous page stopped (from {@link QueuePage#lastKey}), or null
     */
    public record QueueRead(String index, String partitionValue, String fromKey, String toKey, boolean ascending,
                            Map<String, String> equalTo, boolean unassignedOnly, boolean runningClockOnly,
                            int limit, Map<String, String> startKey) {
    }

    /** One row of a queue, as the index projects it. */
    public record QueueEntry(String reference, String serviceId, String serviceName, String unitId, String status,
                             Priority priority, Actor assignee, Instant submittedAt, String dueKind, LocalDate dueDate,
                             Instant dueAt, boolean paused, Instant finishedAt, String address, String channel,
                             String warning, String queueKey) {
    }

    /**
     * @param lastKey the key of the last entry, when more may follow; null on the last page
     * @param calls   the Query calls it took
     */
    public record QueuePage(List<QueueEntry> entries, Map<String, String> lastKey, int calls) {
    }

    /** Reads one page. With filters, keeps reading (at most 10 calls) until the page is full or the range ends. */
    public QueuePage queue(QueueRead read) {
        String partitionAttribute = read.index().equals(ASSIGNEE_QUEUE) ? "assigneeId" : "queueUnit";
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.put("#p", partitionAttribute);
        names.put("#k", "queueKey");
        values.put(":p", s(read.partitionValue()));
        values.put(":from", s(read.fromKey()));
        values.put(":to", s(read.toKey()));
        List<String> filters = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> equal : read.equalTo().entrySet()) {
            names.put("#f" + i, equal.getKey());
            values.put(":f" + i, s(equal.getValue()));
            filters.add("#f" + i + " = :f" + i);
            i++;
        }
        if (read.unassignedOnly()) {
            names.put("#assignee", "assigneeId");
            filters.add("attribute_not_exists(#assignee)");
        }
        if (read.runningClockOnly()) {
            names.put("#paused", "paused");
            filters.add("attribute_not_exists(#paused)");
        }
        boolean filtered = !filters.isEmpty();
        List<QueueEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> startKey = read.startKey() == null ? null : keyAttributes(read.startKey());
        boolean more = true;
        int calls = 0;
        while (entries.size() < read.limit() && more && calls < 10) {
            int wanted = read.limit() - entries.size();
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(read.index())
                    .keyConditionExpression("#p = :p AND #k BETWEEN :from AND :to")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(read.ascending())
                    .limit(filtered ? Math.max(wanted * 2, 50) : wanted + 1)
                    .exclusiveStartKey(startKey);
            if (filtered) {
                query.filterExpression(String.join(" AND ", filters));
            }
            QueryResponse page = dynamo.query(query.build());
            calls++;
            for (Map<String, AttributeValue> item : page.items()) {
                entries.add(queueEntry(item));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            more = startKey != null;
        }
        boolean trimmed = entries.size() > read.limit();
        if (trimmed) {
            entries = new ArrayList<>(entries.subList(0, read.limit()));
        }
        Map<String, String> lastKey = null;
        if ((trimmed || more) && !entries.isEmpty()) {
            lastKey = entryKey(entries.get(entries.size() - 1), partitionAttribute, read.partitionValue());
        } else if (more) {
            lastKey = stringKey(startKey);
        }
        return new QueuePage(entries, lastKey, calls);
    }

    /** Every open request of a unit (its queue's OPEN# part), for the queue's counts. */
    public List<QueueEntry> openInUnit(String unitId) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(UNIT_QUEUE)
                        .keyConditionExpression("queueUnit = :unit AND begins_with(queueKey, :open)")
                        .expressionAttributeValues(Map.of(":unit", s(unitId), ":open", s(OPEN))).build())
                .items().stream().map(QueueStore::queueEntry).toList();
    }


    /** The queue key of a request open until {@code dueAt}, to bound a range of the OPEN# part. */
    public static String openKey(Instant dueAt) {
        return RequestItems.openKey(dueAt);
    }

    private static Map<String, String> entryKey(QueueEntry entry, String partitionAttribute, String partitionValue) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("pk", "REQUEST#" + entry.reference());
        key.put("sk", "REQUEST");
        key.put(partitionAttribute, partitionValue);
        key.put("queueKey", entry.queueKey());
        return key;
    }

    private static Map<String, String> stringKey(Map<String, AttributeValue> key) {
        Map<String, String> result = new LinkedHashMap<>();
        key.forEach((name, value) -> result.put(name, value.s()));
        return result;
    }

    private static Map<String, AttributeValue> keyAttributes(Map<String, String> key) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        key.forEach((name, value) -> result.put(name, s(value)));
        return result;
    }

    private static QueueEntry queueEntry(Map<String, AttributeValue> item) {
        String assigneeId = Items.string(item, "assigneeId");
        String dueDate = Items.string(item, "dueDate");
        String dueAt = Items.string(item, "dueAt");
        String finishedAt = Items.string(item, "finishedAt");
        return new QueueEntry(Items.string(item, "reference"), Items.string(item, "serviceId"),
                Items.string(item, "serviceName"), Items.string(item, "unitId"), Items.string(item, "status"),
                Priority.fromWireName(Items.string(item, "priority")).orElse(Priority.NORMAL),
                assigneeId == null ? null : new Actor(assigneeId, Items.string(item, "assigneeName")),
                Instant.parse(Items.string(item, "submittedAt")), Items.string(item, "dueKind"),
                dueDate == null ? null : LocalDate.parse(dueDate), dueAt == null ? null : Instant.parse(dueAt),
                Items.flag(item, "paused"), finishedAt == null ? null : Instant.parse(finishedAt),
                Items.string(Items.map(item, "location"), "address"), Items.string(item, "channel"),
                Items.string(item, "slaFlag"), Items.string(item, "queueKey"));
    }
}

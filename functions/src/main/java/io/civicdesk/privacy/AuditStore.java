package io.civicdesk.privacy;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The privacy audit, in the catalogue table, a partition per month (UTC):
 *
 * <pre>
 * pk                          sk                 item
 * PRIVACY#AUDIT#{yyyy-mm}     {at}#{uuid}        staffId, staffName, action, kind, references (list), count, subjectHash
 * </pre>
 *
 * Each entry is one PutItem (a staff read costs exactly that). Administrators read a month newest first with one
 * Query per page, filtered by a staff id or a reference within the month's partition.
 */
public final class AuditStore implements AuditLog {
    private final DynamoDbClient dynamo;
    private final String table;

    public AuditStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One PutItem. */
    @Override
    public void add(AuditEntry entry) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(Items.key(partition(YearMonth.from(entry.at().atZone(ZoneOffset.UTC))),
                entry.at() + "#" + UUID.randomUUID()));
        item.put("at", s(entry.at().toString()));
        item.put("staffId", s(entry.staffId()));
        item.put("staffName", s(entry.staffName()));
        item.put("action", s(entry.action()));
        item.put("kind", s(entry.kind()));
        item.put("references", Items.strings(entry.references()));
        item.put("count", n(entry.count()));
        item.put("subjectHash", s(entry.subjectHash()));
        dynamo.putItem(put -> put.tableName(table).item(Items.compact(item)));
    }

    /** One Query per page of the month's partition, filtered. */
    @Override
    public List<AuditEntry> month(YearMonth month, String staffId, String reference, int limit) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(partition(month)));
        List<String> filters = new ArrayList<>();
        if (staffId != null) {
            names.put("#staff", "staffId");
            values.put(":staff", s(staffId));
            filters.add("#staff = :staff");
        }
        if (reference != null) {
            names.put("#refs", "references");
            values.put(":ref", s(reference));
            filters.add("contains(#refs, :ref)");
        }
        List<AuditEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(values).scanIndexForward(false).limit(Math.max(limit, 100))
                    .exclusiveStartKey(startKey);
            if (!filters.isEmpty()) {
                query.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> entries.add(entry(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && entries.size() < limit);
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(Instant.parse(Items.string(item, "at")), Items.string(item, "staffId"),
                Items.string(item, "staffName"), Items.string(item, "action"), Items.string(item, "kind"),
                Items.stringList(item, "references"), Items.integer(item, "count"), Items.string(item, "subjectHash"));
    }

    private static String partition(YearMonth month) {
        return "PRIVACY#AUDIT#" + month;
    }
}

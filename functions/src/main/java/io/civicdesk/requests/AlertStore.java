package io.civicdesk.requests;

import io.civicdesk.platform.Write;
import io.civicdesk.sla.ServiceLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * A request's service-level alerts: the sparse Alerts index of the requests table (whose key design is
 * {@link RequestStore}'s), and the record of the alerts sent.
 */
public final class AlertStore {
    public static final String ALERTS_INDEX = "Alerts";

    private final DynamoDbClient dynamo;
    private final String table;

    public AlertStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The requests with an alert due by {@code now}: one Query of the sparse Alerts index, oldest first. */
    public List<Reference> alertsDue(Instant now) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(ALERTS_INDEX)
                        .keyConditionExpression("alertShard = :shard AND nextAlertAt <= :now")
                        .expressionAttributeValues(Map.of(":shard", s(RequestItems.ALERTS), ":now", s(RequestItems.keyTime(now))))
                        .build())
                .items().stream().map(RequestItems::reference).toList();
    }

    /**
     * The record of the alerts sent for a request and its history entry, only if the request is still at the version
     * they were worked out from (the part named {@link Requests#version}): a staff change in between wins, and the
     * next run works the alerts out again. The version does not move, so an officer with the page open is not made
     * to reload; {@code warned} is added to as a set, never rewritten by a staff change. With nothing sent, only
     * when the next alert falls due is put right.
     *
     * @param entry the history entry, or null when nothing was sent
     */
    public List<Write> alertsRecorded(ServiceRequest request, ServiceLevel after, List<String> sent, HistoryEntry entry) {
        Map<String, String> names = new LinkedHashMap<>(Map.of("#version", "version",
                "#next", "nextAlertAt", "#shard", "alertShard", "#flag", "slaFlag"));
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":expected", n(request.version()));
        if (!sent.isEmpty()) {
            names.put("#warned", "warned");
            values.put(":sent", AttributeValue.fromSs(sent));
        }
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        if (after.nextAlertAt() == null) {
            remove.addAll(List.of("#next", "#shard"));
        } else {
            set.addAll(List.of("#next = :next", "#shard = :shard"));
            values.put(":next", s(RequestItems.keyTime(after.nextAlertAt())));
            values.put(":shard", s(RequestItems.ALERTS));
        }
        if (after.flag() == null) {
            remove.add("#flag");
        } else {
            set.add("#flag = :flag");
            values.put(":flag", s(after.flag()));
        }
        List<String> clauses = new ArrayList<>();
        if (!sent.isEmpty()) {
            clauses.add("ADD #warned :sent");
        }
        if (!set.isEmpty()) {
            clauses.add("SET " + String.join(", ", set));
        }
        if (!remove.isEmpty()) {
            clauses.add("REMOVE " + String.join(", ", remove));
        }
        List<Write> writes = new ArrayList<>();
        writes.add(Write.update(Requests.version(request.reference()), Update.builder().tableName(table)
                .key(RequestItems.requestKey(request.reference())).updateExpression(String.join(" ", clauses))
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values).build()));
        if (entry != null) {
            writes.add(RequestItems.putNew("history", table, RequestItems.historyItem(request.reference(), entry)));
        }
        return writes;
    }
}

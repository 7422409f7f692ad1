package io.civicdesk.requests;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.s;

/**
 * Workflows that override the default for one service, in the catalogue table.
 *
 * <pre>
 * pk          sk                   item
 * WORKFLOW    SERVICE#{serviceId}  statuses (list of { id, label, pausesClock, final }), transitions (map of
 *                                  status → list of statuses), updatedAt, updatedById, updatedByName
 * </pre>
 *
 * A service without an item follows {@link Workflow#DEFAULT}. One GetItem per request change.
 */
public final class WorkflowStore implements Workflows {
    private static final String PARTITION = "WORKFLOW";

    private final DynamoDbClient dynamo;
    private final String table;

    public WorkflowStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A service's own workflow, who set it and when. */
    public record Override(Workflow workflow, Instant updatedAt, String updatedById, String updatedByName) {
    }

    public Optional<Override> override(String serviceId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(Items.key(PARTITION, "SERVICE#" + serviceId))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<WorkflowStatus> statuses = Items.mapList(item, "statuses").stream().map(status -> new WorkflowStatus(
                Items.string(status, "id"), Items.string(status, "label"), Items.flag(status, "pausesClock"),
                Items.flag(status, "final"))).toList();
        Map<String, List<String>> transitions = new LinkedHashMap<>();
        // Stored as a list of { from, to } to keep the administrator's order (a DynamoDB map has none).
        Items.mapList(item, "transitions").forEach(transition ->
                transitions.put(Items.string(transition, "from"), Items.stringList(transition, "to")));
        return Optional.of(new Override(new Workflow(statuses, transitions), Instant.parse(Items.string(item, "updatedAt")),
                Items.string(item, "updatedById"), Items.string(item, "updatedByName")));
    }

    @java.lang.Override
    public Workflow forService(String serviceId) {
        return override(serviceId).map(Override::workflow).orElse(Workflow.DEFAULT);
    }

    public void put(String serviceId, Workflow workflow, Instant at, String byId, String byName) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(PARTITION));
        item.put("sk", s("SERVICE#" + serviceId));
        item.put("serviceId", s(serviceId));
        item.put("statuses", AttributeValue.fromL(workflow.statuses().stream().map(status -> AttributeValue.fromM(Map.of(
                "id", s(status.id()), "label", s(status.label()), "pausesClock", Items.bool(status.pausesClock()),
                "final", Items.bool(status.isFinal())))).toList()));
        item.put("transitions", AttributeValue.fromL(workflow.transitions().entrySet().stream()
                .map(entry -> AttributeValue.fromM(Map.of("from", s(entry.getKey()), "to", Items.strings(entry.getValue()))))
                .toList()));
        item.put("updatedAt", s(at.toString()));
        item.put("updatedById", s(byId));
        item.put("updatedByName", s(byName));
        dynamo.putItem(put -> put.tableName(table).item(Items.compact(item)));
    }

    public void remove(String serviceId) {
        dynamo.deleteItem(delete -> delete.tableName(table).key(Items.key(PARTITION, "SERVICE#" + serviceId)));
    }
}

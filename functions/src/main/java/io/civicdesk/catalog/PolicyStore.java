package io.civicdesk.catalog;

import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Write;
import io.civicdesk.sla.ServiceLevelPolicy;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The service-level policies, {@code CATALOG / POLICY#{policyId}} with their places in the order
 * {@code CATALOG / POLICY-ORDER#{n}} (the key design is at the top of {@link CatalogStore}). The policies are one
 * Query of their part of the catalogue; a policy and its place are written in one transaction.
 */
final class PolicyStore {
    static final String POLICY = "POLICY#";
    private static final String POLICY_ORDER = "POLICY-ORDER#";
    /** A place in the order that is free, or already held by this policy. */
    private static final String HELD_BY_NOBODY_ELSE = "attribute_not_exists(pk) OR policyId = :id";

    private final CatalogTable table;
    private final DynamoTransactions transactions;

    PolicyStore(CatalogTable table) {
        this.table = table;
        this.transactions = new DynamoTransactions(table.dynamo);
    }

    List<ServiceLevelPolicy> policies() {
        return table.query(POLICY).stream().map(PolicyStore::policy)
                .sorted(Comparator.comparingInt(ServiceLevelPolicy::order)).toList();
    }

    boolean save(ServiceLevelPolicy policy, Integer previousOrder) {
        Map<String, AttributeValue> item = new HashMap<>(policyItem(policy));
        item.put("pk", s(CatalogTable.CATALOG));
        item.put("sk", s(POLICY + policy.id()));
        List<Write> writes = new ArrayList<>();
        writes.add(Write.of("policy", TransactWriteItem.builder().put(put -> put.tableName(table.name).item(item)
                .conditionExpression(previousOrder == null ? "attribute_not_exists(pk)" : "#order = :previous")
                .expressionAttributeNames(previousOrder == null ? null : Map.of("#order", "order"))
                .expressionAttributeValues(previousOrder == null ? null : Map.of(":previous", n(previousOrder)))).build()));
        writes.add(Write.of("place", TransactWriteItem.builder().put(put -> put.tableName(table.name)
                .item(Map.of("pk", s(CatalogTable.CATALOG), "sk", s(POLICY_ORDER + policy.order()), "policyId", s(policy.id())))
                .conditionExpression(HELD_BY_NOBODY_ELSE).expressionAttributeValues(Map.of(":id", s(policy.id())))).build()));
        if (previousOrder != null && previousOrder != policy.order()) {
            writes.add(releaseOrder(policy.id(), previousOrder));
        }
        return committed(writes);
    }

    boolean delete(String policyId, int order) {
        return committed(List.of(
                Write.of("policy", TransactWriteItem.builder().delete(delete -> delete.tableName(table.name)
                        .key(Items.key(CatalogTable.CATALOG, POLICY + policyId))
                        .conditionExpression("#order = :order").expressionAttributeNames(Map.of("#order", "order"))
                        .expressionAttributeValues(Map.of(":order", n(order)))).build()),
                releaseOrder(policyId, order)));
    }

    private Write releaseOrder(String policyId, int order) {
        return Write.of("previous-place", TransactWriteItem.builder().delete(delete -> delete.tableName(table.name)
                .key(Items.key(CatalogTable.CATALOG, POLICY_ORDER + order))
                .conditionExpression(HELD_BY_NOBODY_ELSE).expressionAttributeValues(Map.of(":id", s(policyId)))).build());
    }

    private boolean committed(List<Write> writes) {
        try {
            transactions.commit(writes);
            return true;
        } catch (Refused refused) {
            return false;
        }
    }

    static Map<String, AttributeValue> policyItem(ServiceLevelPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", s(policy.id()));
        item.put("order", n(policy.order()));
        item.put("serviceId", s(policy.serviceId()));
        item.put("priority", s(policy.priority()));
        item.put("firstResponseMinutes", n(policy.firstResponse().toMinutes()));
        item.put("resolutionMinutes", n(policy.resolution().toMinutes()));
        item.put("keepInformedMinutes", policy.keepInformed() == null ? null : n(policy.keepInformed().toMinutes()));
        item.put("warningPercents", AttributeValue.fromL(policy.warningPercents().stream().map(percent -> n(percent)).toList()));
        item.put("calendarId", s(policy.calendarId()));
        return Items.compact(item);
    }

    static ServiceLevelPolicy policy(Map<String, AttributeValue> item) {
        Long keepInformed = Items.number(item, "keepInformedMinutes");
        return new ServiceLevelPolicy(Items.string(item, "id"), Items.integer(item, "order"),
                Items.string(item, "serviceId"), Items.string(item, "priority"),
                Duration.ofMinutes(Items.number(item, "firstResponseMinutes")),
                Duration.ofMinutes(Items.number(item, "resolutionMinutes")),
                keepInformed == null ? null : Duration.ofMinutes(keepInformed),
                item.get("warningPercents").l().stream().map(percent -> Integer.valueOf(percent.n())).toList(),
                Items.string(item, "calendarId"));
    }
}

package io.civicdesk.requests;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.s;

/**
 * The referrals waiting for a unit's answer, oldest first: one Query of the unit's partition
 * {@code REFERRALS#{unitId}} in the requests table, whose lines {@link ReferralStore} writes with each referral and
 * deletes with its answer (the key design is there).
 */
public final class ReferralInboxStore {
    private static final String PK = "REFERRALS#";

    private final DynamoDbClient dynamo;
    private final String table;

    public ReferralInboxStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A referral waiting: the request, the unit that referred it, and when its answer is due. */
    public record Waiting(Reference reference, String serviceName, String fromUnitName, Instant referredAt, Instant dueAt) {
    }

    static Map<String, AttributeValue> key(String unitId, Instant referredAt, Reference reference) {
        return Items.key(PK + unitId, RequestItems.keyTime(referredAt) + "#" + reference.value());
    }

    /** The oldest {@code limit} referrals waiting for the unit's answer. */
    public List<Waiting> waiting(String unitId, int limit) {
        return dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PK + unitId))).limit(limit).build())
                .items().stream().map(item -> new Waiting(new Reference(Items.string(item, "reference")),
                        Items.string(item, "serviceName"), Items.string(item, "fromUnitName"),
                        Instant.parse(Items.string(item, "referredAt")), Instant.parse(Items.string(item, "dueAt"))))
                .toList();
    }
}

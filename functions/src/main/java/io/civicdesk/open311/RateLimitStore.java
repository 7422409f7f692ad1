package io.civicdesk.open311;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Map;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Each API key's calls per minute, in the requests table (its TTL clears them).
 *
 * <pre>
 * pk                                 sk     item
 * OPEN311#RATE#{keyId}#{epochMinute} RATE   calls (a counter), expiresAt (TTL) ten minutes after the minute
 * </pre>
 *
 * A call is one conditional UpdateItem that adds one only while the counter is under the limit: concurrent calls
 * cannot both take the last place, and nothing is read first.
 */
public final class RateLimitStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public RateLimitStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Counts a call in {@code at}'s minute; false (and not counted) when {@code limit} calls were counted already. */
    boolean count(String keyId, Instant at, int limit) {
        long minute = at.getEpochSecond() / 60;
        try {
            dynamo.updateItem(update -> update.tableName(table)
                    .key(Items.key("OPEN311#RATE#" + keyId + "#" + minute, "RATE"))
                    .updateExpression("ADD calls :one SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(calls) OR calls < :limit")
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit),
                            ":expires", n((minute + 11) * 60))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}

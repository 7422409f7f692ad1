package io.civicdesk.open311;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.s;

/**
 * Open311 API keys, in the catalogue table (they are configuration, set by administrators).
 *
 * <pre>
 * pk            sk              item
 * OPEN311#KEYS  KEY#{keyId}     keyHash (sha256 of the key), name, organisation, issuedAt, issuedBy;
 *                               revokedAt, revokedBy once revoked. keyId: the first 16 hex digits of keyHash
 * </pre>
 *
 * A call's key is found by one GetItem (its hash gives its keyId) and then compared with the whole hash; the staff
 * page's list is one Query of the partition. Issuing puts an item that must not exist yet; revoking is one UpdateItem
 * on condition that the key exists and is not revoked yet.
 */
public final class ApiKeyStore {
    static final String PARTITION = "OPEN311#KEYS";
    private final DynamoDbClient dynamo;
    private final String table;

    public ApiKeyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** False when an item with its keyId exists already (a draw to make again). */
    boolean issue(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s(PARTITION), "sk", s("KEY#" + key.keyId()),
                "keyId", s(key.keyId()), "keyHash", s(key.keyHash()), "name", s(key.name()),
                "issuedAt", s(key.issuedAt().toString()), "issuedBy", s(key.issuedBy())));
        if (key.organisation() != null) {
            item.put("organisation", s(key.organisation()));
        }
        try {
            dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    Optional<ApiKey> find(String keyId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(Items.key(PARTITION, "KEY#" + keyId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(key(item));
    }

    /** Every key, revoked ones included, by keyId. */
    List<ApiKey> all() {
        return dynamo.queryPaginator(query -> query.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(PARTITION)))).items().stream().map(ApiKeyStore::key).toList();
    }

    /** False when there is no such key or it was revoked already. */
    boolean revoke(String keyId, Instant at, String by) {
        try {
            dynamo.updateItem(update -> update.tableName(table).key(Items.key(PARTITION, "KEY#" + keyId))
                    .updateExpression("SET revokedAt = :at, revokedBy = :by")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":by", s(by))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static ApiKey key(Map<String, AttributeValue> item) {
        String revokedAt = Items.string(item, "revokedAt");
        return new ApiKey(Items.string(item, "keyId"), Items.string(item, "keyHash"), Items.string(item, "name"),
                Items.string(item, "organisation"), Instant.parse(Items.string(item, "issuedAt")),
                Items.string(item, "issuedBy"), revokedAt == null ? null : Instant.parse(revokedAt),
                Items.string(item, "revokedBy"));
    }
}

package io.civicdesk.feedback;

import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.s;

/**
 * Counter tablets: each holds a key an administrator issued for one unit's counter. Only its hash is kept.
 *
 * <pre>
 * pk                    sk       item
 * DEVICE#{sha256(key)}  DEVICE   unitId, name, createdAt, createdBy; revokedAt once withdrawn
 * </pre>
 *
 * A tap looks its device up with one GetItem on the key's hash.
 */
public final class CounterDeviceStore implements CounterDevices {
    private final DynamoDbClient dynamo;
    private final String table;

    public CounterDeviceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public String register(String unitId, String name, String createdBy, Instant now, SecureRandom random) {
        String key = Hashes.newSecret(random);
        dynamo.putItem(request -> request.tableName(table).item(Map.of(
                        "pk", s("DEVICE#" + Hashes.sha256(key)), "sk", s("DEVICE"), "unitId", s(unitId), "name", s(name),
                        "createdAt", s(now.toString()), "createdBy", s(createdBy)))
                .conditionExpression("attribute_not_exists(pk)"));
        return key;
    }

    @Override
    public Optional<Device> find(String key) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("DEVICE#" + Hashes.sha256(key), "DEVICE"))).item();
        if (item == null || item.isEmpty() || Items.string(item, "revokedAt") != null) {
            return Optional.empty();
        }
        return Optional.of(new Device(Items.string(item, "unitId"), Items.string(item, "name")));
    }
}

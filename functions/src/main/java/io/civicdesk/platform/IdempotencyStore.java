package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The first answers given to idempotency keys, kept in the capability's own table so they are written in the
 * same transaction as what they answer.
 *
 * <pre>
 * pk                       sk            item
 * IDEMPOTENCY#{sha256 key} IDEMPOTENCY   fingerprint (sha256 of the body), status, body, expiresAt (TTL, a day on)
 * </pre>
 */
public final class IdempotencyStore implements IdempotentCommand.Answers {
    private final DynamoDbClient dynamo;
    private final String table;

    public IdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Idempotency.Answer> replay(Idempotency.Key key) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("IDEMPOTENCY#" + key.keyHash(), "IDEMPOTENCY")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        if (!key.fingerprint().equals(Items.string(item, "fingerprint"))) {
            throw new Refusal(Refusal.Kind.KEY_REUSED, "This Idempotency-Key was already used with different details. "
                    + "Use a new key for a new request.");
        }
        return Optional.of(new Idempotency.Answer(Items.integer(item, "status"), Items.string(item, "body")));
    }

    @Override
    public Write remember(Idempotency.Key key, Idempotency.Answer answer, Instant now) {
        return Write.put(IdempotentCommand.IDEMPOTENCY, Put.builder().tableName(table).item(Map.of(
                        "pk", s("IDEMPOTENCY#" + key.keyHash()),
                        "sk", s("IDEMPOTENCY"),
                        "fingerprint", s(key.fingerprint()),
                        "status", n(answer.status()),
                        "body", s(answer.body()),
                        "expiresAt", n(now.plus(Idempotency.KEEP_ANSWERS).getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)").build());
    }
}

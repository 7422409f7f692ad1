package io.civicdesk.platform;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Client idempotency keys, for any capability whose POST creates something (a report, a booking, feedback).
 * The client sends {@code Idempotency-Key}; the first answer is written in the same transaction as what it
 * created, as an item {@code IDEMPOTENCY#{sha256 of key}} / {@code IDEMPOTENCY} in the capability's own table,
 * with a fingerprint of the body and a TTL a day on. A retry with the same key and body gets that answer back;
 * the same key with another body is refused (422).
 */
public final class Idempotency {
    public static final Duration KEEP_ANSWERS = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{8,100}$");

    private Idempotency() {
    }

    /** The key a client sent, hashed, and a fingerprint of the body it came with. */
    public record Key(String keyHash, String fingerprint) {
        public static Key of(String key, String body) {
            return new Key(Hashes.sha256(key), Hashes.sha256(body));
        }
    }

    /** An answer: its HTTP status and body, kept verbatim for retries. */
    public record Answer(int status, String body) {
    }

    /** The request's key, if it sent one; 400 when it is malformed. */
    public static Optional<Key> fromHeader(HttpRequest request, String body) {
        return fromHeader(request, body, "");
    }

    /**
     * The same, with the key taken within a scope (e.g. one member of staff's), so that keys from different
     * callers can never meet.
     */
    public static Optional<Key> fromHeader(HttpRequest request, String body, String scope) {
        String key = request.header("Idempotency-Key").map(String::trim).orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw Refusal.invalid(List.of(new FieldError("Idempotency-Key",
                    "The Idempotency-Key header must be 8 to 100 letters, digits, hyphens or underscores.")));
        }
        return Optional.of(Key.of(scope + key, body));
    }

    public static Map<String, AttributeValue> itemKey(String keyHash) {
        return Items.key("IDEMPOTENCY#" + keyHash, "IDEMPOTENCY");
    }

    /** The item to write, in the caller's transaction, only if the key is new. */
    public static Put put(String table, Key key, Answer answer, Instant now) {
        return Put.builder().tableName(table).item(Map.of(
                        "pk", s("IDEMPOTENCY#" + key.keyHash()),
                        "sk", s("IDEMPOTENCY"),
                        "fingerprint", s(key.fingerprint()),
                        "status", n(answer.status()),
                        "body", s(answer.body()),
                        "expiresAt", n(now.plus(KEEP_ANSWERS).getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)").build();
    }

    /** The first answer given with this key, or empty; 422 when the key came first with another body. */
    public static Optional<Answer> replay(DynamoDbClient dynamo, String table, Key key) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(itemKey(key.keyHash())).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        if (!key.fingerprint().equals(Items.string(item, "fingerprint"))) {
            throw new Refusal(Refusal.Kind.KEY_REUSED, "This Idempotency-Key was already used with different details. "
                    + "Use a new key for a new request.");
        }
        return Optional.of(new Answer(Items.integer(item, "status"), Items.string(item, "body")));
    }
}

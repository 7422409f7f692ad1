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
 * First answers to writes a phone may retry, in any table keyed (pk, sk):
 *
 * <pre>
 * pk                     sk            item
 * IDEMPOTENCY#{sha256}   IDEMPOTENCY   fingerprint (sha256 of the body), status, body; expiresAt (TTL) a day on
 * </pre>
 *
 * The record is written in the same transaction as the change it answers for, on the condition that it does not
 * exist yet; a retry with the same key finds it and gets the same answer, and the same key with another body is
 * refused (422). The key itself is never stored, only its hash.
 */
public final class IdempotencyRecords {
    public static final String HEADER = "Idempotency-Key";
    static final Duration KEEP = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{8,100}$");

    private final DynamoDbClient dynamo;
    private final String table;

    public IdempotencyRecords(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The key a client sent with a write, and a fingerprint of the body it came with. */
    public record Key(String keyHash, String fingerprint) {
        public static Key of(String key, String body) {
            return new Key(Hashes.sha256(key), Hashes.sha256(body == null ? "" : body));
        }
    }

    /** An answer as it was first given: replayed verbatim. */
    public record Answer(int status, String body) {
    }

    /** The request's Idempotency-Key (optional), or 400 when it is malformed. */
    public static Optional<Key> fromHeader(HttpRequest request, String body) {
        String key = request.header(HEADER).map(String::trim).orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalid(List.of(new FieldError(HEADER,
                    "The Idempotency-Key header must be 8 to 100 letters, digits, hyphens or underscores.")));
        }
        return Optional.of(Key.of(key, body));
    }

    /** The record to write in the caller's transaction; its condition fails if the key was used already. */
    public Put record(Key key, Answer answer, Instant now) {
        return Put.builder().tableName(table).item(Map.of(
                        "pk", s("IDEMPOTENCY#" + key.keyHash()),
                        "sk", s("IDEMPOTENCY"),
                        "fingerprint", s(key.fingerprint()),
                        "status", n(answer.status()),
                        "body", s(answer.body()),
                        "expiresAt", n(now.plus(KEEP).getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)").build();
    }

    /** The first answer given with this key, or empty; 422 when the key came with another body. */
    public Optional<Answer> replay(Key key) {
        if (key == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("IDEMPOTENCY#" + key.keyHash(), "IDEMPOTENCY")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        if (!key.fingerprint().equals(Items.string(item, "fingerprint"))) {
            throw new ApiException(422, "This Idempotency-Key was already used for something else. Use a new key.");
        }
        return Optional.of(new Answer(Items.integer(item, "status"), Items.string(item, "body")));
    }
}

package io.civicdesk.platform;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Client idempotency keys, for any capability whose POST creates something (a report, a booking, feedback).
 * The client sends {@code Idempotency-Key}; {@link IdempotentCommand} writes the first answer in the same
 * transaction as what it created ({@link IdempotencyStore}). A retry with the same key and body gets that answer
 * back; the same key with another body is refused.
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
}

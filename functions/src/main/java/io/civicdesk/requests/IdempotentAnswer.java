package io.civicdesk.requests;

/**
 * The first answer given to a submission with an idempotency key, kept so that a retry gets it again.
 * {@code fingerprint} is a hash of the body the key first came with: the same key with another body is refused.
 */
public record IdempotentAnswer(String keyHash, String fingerprint, int status, String body) {
}

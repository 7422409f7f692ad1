package io.civicdesk.open311;

import java.time.Instant;

/**
 * An Open311 API key an administrator issued to another app: who it is for, and only the hash of the key itself.
 * {@code keyId} is the start of that hash: it names the key on the staff page and in logs, and finds its item.
 */
public record ApiKey(String keyId, String keyHash, String name, String organisation, Instant issuedAt, String issuedBy,
                     Instant revokedAt, String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }
}

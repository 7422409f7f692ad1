package io.civicdesk.open311;

import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API keys other apps call Open311 with, issued and revoked by administrators: each key is shown once, when it
 * is issued, and kept only as its hash. {@link KeyCheck} admits the calls made with them.
 */
public final class ApiKeys {
    static final int KEY_ID_LENGTH = 16;

    private final ApiKeyStore keys;
    private final Clock clock;
    private final SecureRandom random;

    public ApiKeys(ApiKeyStore keys, Clock clock, SecureRandom random) {
        this.keys = keys;
        this.clock = clock;
        this.random = random;
    }

    /** A key just issued: {@code key} itself is in this answer only, never stored or shown again. */
    public record Issued(ApiKey apiKey, String key) {
    }

    /** Issues a key for {@code name} (the app) and {@code organisation}, by the administrator {@code by}. */
    public Issued issue(String name, String organisation, String by) {
        while (true) {
            String key = Hashes.newSecret(random);
            String hash = Hashes.sha256(key);
            ApiKey apiKey = new ApiKey(hash.substring(0, KEY_ID_LENGTH), hash, name, organisation, clock.instant(), by,
                    null, null);
            if (keys.issue(apiKey)) {
                Log.info("open311.key.issued", Map.of("keyId", apiKey.keyId()));
                return new Issued(apiKey, key);
            }
        }
    }

    /** Every key, newest first, revoked ones included. */
    public List<ApiKey> all() {
        return keys.all().stream().sorted(Comparator.comparing(ApiKey::issuedAt).reversed()).toList();
    }

    /** Revokes a key at once: the next call made with it is refused. */
    public ApiKey revoke(String keyId, String by) {
        ApiKey key = (keyId == null || keyId.length() != KEY_ID_LENGTH ? Optional.<ApiKey>empty() : keys.find(keyId))
                .orElseThrow(() -> Refusal.notFound("There is no API key " + keyId + "."));
        Instant now = clock.instant();
        if (!keys.revoke(keyId, now, by)) {
            throw Refusal.conflict("The key for " + key.name() + " was revoked already.");
        }
        Log.info("open311.key.revoked", Map.of("keyId", keyId));
        return new ApiKey(key.keyId(), key.keyHash(), key.name(), key.organisation(), key.issuedAt(), key.issuedBy(), now, by);
    }
}

package io.civicdesk.open311;

import java.util.List;

/** The API keys as the administrators' page shows them: never a key itself, except the one just issued. */
public final class ApiKeyViews {
    private ApiKeyViews() {
    }

    public record KeyView(String keyId, String name, String organisation, String issuedAt, String issuedBy,
                          String revokedAt, String revokedBy, boolean revoked) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.keyId(), key.name(), key.organisation(), key.issuedAt().toString(), key.issuedBy(),
                    key.revokedAt() == null ? null : key.revokedAt().toString(), key.revokedBy(), key.revoked());
        }
    }

    public record KeyList(List<KeyView> keys, int callsPerMinute) {
    }

    /** The key just issued, with the key itself: shown this once. */
    public record IssuedView(KeyView apiKey, String key) {
    }

    public static KeyList list(List<ApiKey> keys) {
        return new KeyList(keys.stream().map(KeyView::of).toList(), KeyCheck.CALLS_PER_MINUTE);
    }

    public static KeyView key(ApiKey key) {
        return KeyView.of(key);
    }

    public static IssuedView issued(ApiKeys.Issued issued) {
        return new IssuedView(KeyView.of(issued.apiKey()), issued.key());
    }
}

package io.civicdesk.open311;

import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Refusal;

import java.time.Clock;

/**
 * Admits the calls made with an Open311 API key ({@link ApiKeys}): a key the council issued and has not revoked,
 * within its allowance of {@link #CALLS_PER_MINUTE} calls a minute.
 */
public final class KeyCheck {
    /** Enough for an app polling for updates and sending its reports, not for a flood. */
    public static final int CALLS_PER_MINUTE = 120;
    private static final int LONGEST_KEY = 100;

    private final ApiKeyStore keys;
    private final RateLimitStore rates;
    private final Clock clock;
    private final int perMinute;

    public KeyCheck(ApiKeyStore keys, RateLimitStore rates, Clock clock, int perMinute) {
        this.keys = keys;
        this.rates = rates;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /**
     * The key a call presents, counted against its allowance for this minute.
     *
     * @throws Refusal forbidden (403) when the key is unknown or revoked; too many (429) over the allowance
     */
    public ApiKey admit(String presented) {
        if (presented == null || presented.isBlank()) {
            throw Refusal.forbidden("api_key: send the API key the council issued to your app.");
        }
        String hash = presented.length() > LONGEST_KEY ? null : Hashes.sha256(presented.strip());
        ApiKey key = hash == null ? null : keys.find(hash.substring(0, ApiKeys.KEY_ID_LENGTH))
                .filter(found -> Hashes.matches(presented.strip(), found.keyHash())).orElse(null);
        if (key == null) {
            throw Refusal.forbidden("api_key: this API key is not one the council issued. Check it, or ask the council for one.");
        }
        if (key.revoked()) {
            throw Refusal.forbidden("api_key: this API key was revoked. Ask the council for a new one.");
        }
        if (!rates.count(key.keyId(), clock.instant(), perMinute)) {
            throw new Refusal(Refusal.Kind.TOO_MANY, "api_key: more than " + perMinute
                    + " calls this minute with this key. Wait a minute and try again.");
        }
        return key;
    }
}

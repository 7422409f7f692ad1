package io.civicdesk.sla;

import java.time.Instant;

/**
 * Something an officer must be told about a request: a target getting close ({@code WARNING}, at a policy's
 * warning point), a target missed ({@code BREACH}), or a resident about to wait too long for news ({@code NEWS}).
 *
 * @param key    names the event, the same each time it is worked out, so it is sent once (e.g. {@code resolution-75})
 * @param target which target a warning or breach is about; null for news
 */
public record Alert(String key, Kind kind, Target target, Instant at) {
    public enum Kind { WARNING, BREACH, NEWS }

    public enum Target { RESPONSE, RESOLUTION }
}

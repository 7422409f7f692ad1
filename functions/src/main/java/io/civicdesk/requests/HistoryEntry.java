package io.civicdesk.requests;

import java.time.Instant;
import java.util.Map;

/**
 * One change to a request, as its append-only history keeps it: who, when, what, before and after, and the
 * words that went with it. {@code version} is the request's version the change made, so entries sort in the
 * order they happened and never collide.
 *
 * @param by         null for a resident's own online report
 * @param action     e.g. created, acknowledge, assign, refer, status, message, note, priority, duplicate,
 *                   duplicate-linked, resolve, close, reopen; the resident's own: resident-reply,
 *                   resident-information, resident-not-fixed; a follower's: follower-added, follower-confirmed,
 *                   follower-removed
 * @param visibility public when the resident was told (a public update), internal otherwise
 * @param delivery   how the public message reaches the resident: email, text, officer-to-call, none (officer-to-text on entries from before texts were sent)
 * @param residentMessage what the resident wrote from their private link (a reply, more information, why it is not
 *                   fixed): personal information, for staff only, removed when the request is anonymised
 */
public record HistoryEntry(long version, int sequence, Instant at, Actor by, String action,
                           Map<String, String> before, Map<String, String> after,
                           String publicMessage, String note, Visibility visibility, String delivery,
                           String residentMessage) {

    /** An entry of staff's making, with no words of the resident's. */
    public HistoryEntry(long version, int sequence, Instant at, Actor by, String action, Map<String, String> before,
                        Map<String, String> after, String publicMessage, String note, Visibility visibility,
                        String delivery) {
        this(version, sequence, at, by, action, before, after, publicMessage, note, visibility, delivery, null);
    }

    public enum Visibility {
        PUBLIC, INTERNAL;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HistoryEntry {
        // Values may be null ("no assignee"): kept in order, read-only.
        before = before == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(before));
        after = after == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(after));
    }
}

package io.civicdesk.feedback;

import java.time.Instant;

/** An investigation note on a complaint or review: staff only, never sent to the complainant; append-only. */
public record ComplaintNote(String reference, Instant at, String byId, String byName, String note) {
    public static final int MAX_NOTE = 4000;
}

package io.civicdesk.privacy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which records are due to be anonymised: those of each kind whose retention started before its cutoff, or,
 * for an erasure on request ({@link #everything}), every record found, whatever its age or state.
 */
public record Cutoffs(Map<RecordKind, Instant> before, Instant now, boolean everything) {

    /** For an erasure: every record is due, open or finished. */
    public static Cutoffs everything(Instant now) {
        return new Cutoffs(new EnumMap<>(RecordKind.class), now, true);
    }

    /** Whether a finished record of {@code kind}, finished at {@code endedAt} (null: not finished), is due. */
    public boolean due(RecordKind kind, Instant endedAt) {
        return everything || endedAt != null && endedAt.isBefore(before.get(kind));
    }
}

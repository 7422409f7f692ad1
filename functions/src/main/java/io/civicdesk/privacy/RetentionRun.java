package io.civicdesk.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * What one retention run did: when it started and ended, how many records of each kind it anonymised, how many
 * it found changed since it read them (read again: anonymised, or left when no longer due), how many expired
 * idempotency answers it deleted, how many pages it read, and whether the schedule's work is finished or more
 * remains for the next run; and how many older records it gave lookup items (the backfill, until it is done).
 */
public record RetentionRun(Instant startedAt, Instant endedAt, String by, Map<RecordKind, Integer> anonymised,
                           int anonymisedAfterChange, int leftAsChanged, int answersDeleted, int pages, boolean moreRemain,
                           int lookupsBackfilled) {

    public int total() {
        return anonymised.values().stream().mapToInt(Integer::intValue).sum();
    }
}

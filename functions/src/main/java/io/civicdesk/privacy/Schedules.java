package io.civicdesk.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The retention schedule as the services see it ({@link ScheduleStore} in DynamoDB). */
public interface Schedules {
    /** The stored schedule, or the defaults (version 0) when none is stored. */
    RetentionSchedule current();

    /** Saves {@code days} over version {@code expected}; empty when someone saved since. */
    Optional<RetentionSchedule> save(Map<RecordKind, Integer> days, long expected, String by, Instant now);
}

package io.civicdesk.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long each kind of record keeps its personal details, in days, with the version that guards a change
 * (version 0: nothing stored yet, the defaults apply). Who changed it last and when, for the privacy page.
 */
public record RetentionSchedule(Map<RecordKind, Integer> days, long version, Instant changedAt, String changedBy) {

    public RetentionSchedule {
        EnumMap<RecordKind, Integer> complete = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            complete.put(kind, days.getOrDefault(kind, kind.defaultDays()));
        }
        days = Collections.unmodifiableMap(complete);
    }

    /** What a fresh deployment uses until the catalogue or an administrator sets the council's own. */
    public static RetentionSchedule defaults() {
        return new RetentionSchedule(Map.of(), 0, null, null);
    }

    public int daysFor(RecordKind kind) {
        return days.get(kind);
    }

    /** The moments before which each kind's records are past retention, at {@code now}. */
    public Cutoffs cutoffs(Instant now) {
        EnumMap<RecordKind, Instant> before = new EnumMap<>(RecordKind.class);
        days.forEach((kind, d) -> before.put(kind, now.minus(Duration.ofDays(d))));
        return new Cutoffs(before, now, false);
    }
}

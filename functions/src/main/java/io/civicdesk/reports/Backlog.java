package io.civicdesk.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The requests still open when a report is made, and how long they have waited (in calendar days). */
public record Backlog(long open, Double medianAgeDays, Double oldestAgeDays) {
    public static final Backlog NONE = new Backlog(0, null, null);

    public static Backlog of(List<Instant> submittedAt, Instant asAt) {
        if (submittedAt.isEmpty()) {
            return NONE;
        }
        double[] ages = submittedAt.stream().mapToDouble(at -> Duration.between(at, asAt).toMinutes() / 1440.0).sorted().toArray();
        return new Backlog(ages.length, ages[(ages.length - 1) / 2], ages[ages.length - 1]);
    }

    public Backlog plus(Backlog other) {
        if (open == 0) {
            return other;
        }
        if (other.open == 0) {
            return this;
        }
        // Medians do not add; the larger of the two is an honest upper bound for a unit's summary line.
        return new Backlog(open + other.open, Math.max(medianAgeDays, other.medianAgeDays), Math.max(oldestAgeDays, other.oldestAgeDays));
    }
}

package io.civicdesk.sla;

import java.time.Duration;
import java.time.LocalTime;

/**
 * One stretch of a day when the council is open, e.g. 08:30–12:30. A span that closes at 00:00 runs to the
 * end of the day, so a round-the-clock service is 00:00–00:00.
 */
public record OpeningSpan(LocalTime opens, LocalTime closes) {
    public OpeningSpan {
        if (!closesAtMidnight(closes) && !opens.isBefore(closes)) {
            throw new IllegalArgumentException("A span must open before it closes: " + opens + "–" + closes);
        }
    }

    public static OpeningSpan of(String opens, String closes) {
        return new OpeningSpan(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    /** How long it is open on an ordinary day (a daylight-saving night may be an hour more or less). */
    public Duration length() {
        return closesAtEndOfDay() ? Duration.between(opens, LocalTime.MAX).plusNanos(1) : Duration.between(opens, closes);
    }

    /** As an administrator writes it, e.g. {@code 08:30-12:30}. */
    @Override
    public String toString() {
        return opens + "-" + closes;
    }

    /** Reads {@code 08:30-12:30}. */
    public static OpeningSpan parse(String text) {
        String[] ends = text.trim().split("\\s*[-–]\\s*");
        if (ends.length != 2) {
            throw new IllegalArgumentException("Write opening hours as 08:30-17:00, not " + text);
        }
        return of(ends[0], ends[1]);
    }

    public boolean closesAtEndOfDay() {
        return closesAtMidnight(closes);
    }

    private static boolean closesAtMidnight(LocalTime closes) {
        return closes.equals(LocalTime.MIDNIGHT);
    }
}

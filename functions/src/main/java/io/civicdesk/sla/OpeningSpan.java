package io.civicdesk.sla;

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

    public boolean closesAtEndOfDay() {
        return closesAtMidnight(closes);
    }

    private static boolean closesAtMidnight(LocalTime closes) {
        return closes.equals(LocalTime.MIDNIGHT);
    }
}

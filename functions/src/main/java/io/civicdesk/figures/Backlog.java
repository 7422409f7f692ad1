package io.civicdesk.figures;

import java.util.Collection;

/**
 * The requests still open when a report is made, by how long they have waited in business days (counted as the
 * resident's dates are: from the day after the request arrived): under 5, 5 to 20, over 20, and the longest
 * wait. Bands rather than a median because bands add up — a unit's backlog is exactly its services' backlogs
 * summed, and the oldest is the oldest of them.
 */
public record Backlog(long underFiveDays, long fiveToTwentyDays, long overTwentyDays, Integer oldestDays) {
    public static final Backlog NONE = new Backlog(0, 0, 0, null);

    public static Backlog of(Collection<Integer> ageDays) {
        Backlog backlog = NONE;
        for (int age : ageDays) {
            backlog = backlog.plus(new Backlog(age < 5 ? 1 : 0, age >= 5 && age <= 20 ? 1 : 0, age > 20 ? 1 : 0, age));
        }
        return backlog;
    }

    public long open() {
        return underFiveDays + fiveToTwentyDays + overTwentyDays;
    }

    public Backlog plus(Backlog other) {
        Integer oldest = oldestDays == null ? other.oldestDays
                : other.oldestDays == null ? oldestDays : Integer.valueOf(Math.max(oldestDays, other.oldestDays));
        return new Backlog(underFiveDays + other.underFiveDays, fiveToTwentyDays + other.fiveToTwentyDays,
                overTwentyDays + other.overTwentyDays, oldest);
    }
}

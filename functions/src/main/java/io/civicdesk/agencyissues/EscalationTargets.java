package io.civicdesk.agencyissues;

import io.civicdesk.agencyissues.AgencyIssue.Level;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many business days an issue may stay at each level before it is overdue there. The defaults — a week with the
 * service manager, a week with the service director, a fortnight with the executive director — can be changed per
 * deployment ({@code ISSUE_TARGET_DAYS}, "5,5,10", lowest level first).
 */
public record EscalationTargets(Map<Level, Integer> businessDays) {
    public static final EscalationTargets DEFAULT = parse("5,5,10");

    public EscalationTargets {
        businessDays = Map.copyOf(businessDays);
    }

    /** Days per level, lowest first; a value that does not read as that is a deployment mistake, refused at start. */
    public static EscalationTargets parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != Level.values().length) {
            throw new IllegalArgumentException("ISSUE_TARGET_DAYS needs " + Level.values().length + " whole numbers, lowest level first");
        }
        Map<Level, Integer> days = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            int n = Integer.parseInt(parts[level.ordinal()].strip());
            if (n < 1 || n > 250) {
                throw new IllegalArgumentException("ISSUE_TARGET_DAYS: each level's target is 1 to 250 business days");
            }
            days.put(level, n);
        }
        return new EscalationTargets(days);
    }

    public int days(Level level) {
        return businessDays.get(level);
    }
}

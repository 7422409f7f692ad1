package io.civicdesk.bookings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** One stretch of time a booking uses: [start, end). A weekly series has one per week. */
public record Occurrence(Instant start, Instant end) {

    /** The lock keys this occurrence holds: its own time and the facility's buffers either side. */
    public List<String> lockKeys(BookingRules rules) {
        return SlotGrid.keys(start.minusSeconds(rules.bufferBeforeMinutes() * 60L), end.plusSeconds(rules.bufferAfterMinutes() * 60L));
    }

    /** Which of its lock keys are buffer, not booked time. */
    public boolean isBuffer(String lockKey) {
        Instant at = SlotGrid.instant(lockKey);
        return at.isBefore(start) || !at.isBefore(end);
    }

    public ZonedDateTime localStart(ZoneId zone) {
        return start.atZone(zone);
    }

    public ZonedDateTime localEnd(ZoneId zone) {
        return end.atZone(zone);
    }

    public static List<String> lockKeys(List<Occurrence> occurrences, BookingRules rules) {
        List<String> keys = new ArrayList<>();
        occurrences.forEach(o -> keys.addAll(o.lockKeys(rules)));
        return keys;
    }
}

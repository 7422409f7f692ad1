package io.civicdesk.bookings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The lock grid. Every facility's time is cut into 15-minute granules on the UTC clock, whatever its slot size:
 * a booking holds one lock item per granule of its time and its buffers. Because the grid is the same for every
 * booking — and does not move when a facility's slot size or buffers change — two bookings that overlap by
 * even one minute need at least one same lock, and only one write of it can succeed.
 */
public final class SlotGrid {
    public static final int GRANULE_MINUTES = 15;
    /** 24 hours of granules: one occurrence with its buffers fits one transaction with its booking, answer and mail. */
    public static final int MAX_LOCKS_PER_OCCURRENCE = 96;
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private SlotGrid() {
    }

    public static int granules(int minutes) {
        return (minutes + GRANULE_MINUTES - 1) / GRANULE_MINUTES;
    }

    /** The lock keys covering [start, end): each granule's start instant, as sortable text. */
    public static List<String> keys(Instant start, Instant end) {
        List<String> keys = new ArrayList<>();
        for (Instant at = floor(start); at.isBefore(end); at = at.plus(Duration.ofMinutes(GRANULE_MINUTES))) {
            keys.add(key(at));
        }
        return keys;
    }

    public static String key(Instant instant) {
        return KEY.format(instant);
    }

    public static Instant instant(String key) {
        return Instant.parse(key.substring(0, 16) + ":00Z");
    }

    static Instant floor(Instant instant) {
        long granule = GRANULE_MINUTES * 60L;
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), granule) * granule);
    }
}

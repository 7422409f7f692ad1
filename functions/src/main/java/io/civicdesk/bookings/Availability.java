package io.civicdesk.bookings;

import io.civicdesk.platform.Dates;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a facility's slots are free, day by day, from its opening hours, its rules and the locks held now.
 * A slot is "taken" when any granule of it is locked (a booking, its set-up or clean-up time, or a block-out),
 * "unavailable" in a blackout or outside the notice a booking needs, else "free". Nothing personal: a taken
 * slot does not say by whom.
 */
public final class Availability {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private Availability() {
    }

    /** The locks to read for these days: from the first day's start to the last day's end, in UTC granules. */
    public static Instant rangeStart(Facility facility, LocalDate from) {
        return from.atStartOfDay(facility.zone()).toInstant();
    }

    public static Instant rangeEnd(Facility facility, LocalDate from, int days) {
        return from.plusDays(days).atStartOfDay(facility.zone()).toInstant();
    }

    public static Map<String, Object> of(Facility facility, LocalDate from, int days, Set<String> lockedKeys, Instant now) {
        ZoneId zone = facility.zone();
        BookingRules rules = facility.rules();
        Instant earliest = now.plus(Duration.ofHours(rules.minNoticeHours()));
        Instant latest = now.plus(Duration.ofDays(rules.maxNoticeDays()));
        List<Map<String, Object>> dayViews = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = from.plusDays(d);
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", date.toString());
            day.put("label", Dates.spoken(date));
            var hours = facility.hoursOn(date.getDayOfWeek());
            if (hours.isEmpty()) {
                day.put("closed", true);
                day.put("slots", List.of());
                day.put("free", List.of());
                dayViews.add(day);
                continue;
            }
            day.put("closed", false);
            day.put("opens", HHMM.format(hours.get().opens()));
            day.put("closes", HHMM.format(hours.get().closes()));
            List<Map<String, Object>> slots = new ArrayList<>();
            List<Map<String, Object>> free = new ArrayList<>();
            LocalTime runStart = null;
            LocalTime time = hours.get().opens();
            while (time.isBefore(hours.get().closes()) && !time.plusMinutes(rules.slotMinutes()).isBefore(time)) {
                LocalTime slotEnd = time.plusMinutes(rules.slotMinutes());
                if (slotEnd.isAfter(hours.get().closes()) || slotEnd.equals(LocalTime.MIDNIGHT)) {
                    break;
                }
                Instant start = date.atTime(time).atZone(zone).toInstant();
                Instant end = date.atTime(slotEnd).atZone(zone).toInstant();
                String state;
                if (SlotGrid.keys(start, end).stream().anyMatch(lockedKeys::contains)) {
                    state = "taken";
                } else if (start.isBefore(earliest) || !start.isBefore(latest)
                        || rules.blackouts().stream().anyMatch(b -> b.overlaps(LocalDateTime.of(date, time0(start, zone)), LocalDateTime.of(date, slotEnd)))) {
                    state = "unavailable";
                } else {
                    state = "free";
                }
                slots.add(Map.of("start", HHMM.format(time), "end", HHMM.format(slotEnd), "state", state));
                if (state.equals("free") && runStart == null) {
                    runStart = time;
                } else if (!state.equals("free") && runStart != null) {
                    free.add(Map.of("from", HHMM.format(runStart), "to", HHMM.format(time)));
                    runStart = null;
                }
                time = slotEnd;
            }
            if (runStart != null) {
                free.add(Map.of("from", HHMM.format(runStart), "to", HHMM.format(time)));
            }
            day.put("slots", slots);
            day.put("free", free);
            dayViews.add(day);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("facility", Map.of("id", facility.id(), "name", facility.name()));
        view.put("timeZone", facility.timeZone());
        view.put("slotMinutes", rules.slotMinutes());
        view.put("days", dayViews);
        return view;
    }

    private static LocalTime time0(Instant start, ZoneId zone) {
        return start.atZone(zone).toLocalTime();
    }

    public static Set<String> keys(List<Bookings.HeldLock> locks) {
        return locks.stream().map(Bookings.HeldLock::key).collect(Collectors.toSet());
    }
}

package io.civicdesk.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The days a council works, in its own time zone. Business days are counted from the day after the day a
 * request arrives, whatever the hour, so "2 business days" read out on a Friday means Tuesday.
 */
public record BusinessCalendar(String id, ZoneId zone, Set<DayOfWeek> workingDays, Map<LocalDate, String> holidays) {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public BusinessCalendar {
        workingDays = Set.copyOf(workingDays);
        holidays = Map.copyOf(holidays);
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("A calendar needs at least one working day");
        }
    }

    public boolean isBusinessDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.containsKey(date);
    }

    public LocalDate addBusinessDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                counted++;
            }
        }
        return date;
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The dates a resident is told to expect a response and a resolution by. */
    public ExpectedDates expectedDates(Instant submittedAt, int responseDays, int resolutionDays) {
        LocalDate day = localDate(submittedAt);
        return new ExpectedDates(addBusinessDays(day, responseDays), addBusinessDays(day, resolutionDays));
    }
}

package io.civicdesk.sla;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessCalendarTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    private static BusinessCalendar perth() {
        Map<LocalDate, String> holidays = java.util.stream.Stream.of(2026, 2027)
                .flatMap(year -> WesternAustraliaHolidays.forYear(year).stream())
                .collect(Collectors.toMap(PublicHoliday::date, PublicHoliday::name));
        return new BusinessCalendar("council", PERTH, BusinessCalendar.MONDAY_TO_FRIDAY, holidays);
    }

    @Test
    void businessDaysSkipTheWeekend() {
        // Friday 20 November 2026 + 1 business day = Monday 23rd.
        assertEquals(LocalDate.of(2026, 11, 23), perth().addBusinessDays(LocalDate.of(2026, 11, 20), 1));
        assertEquals(LocalDate.of(2026, 11, 27), perth().addBusinessDays(LocalDate.of(2026, 11, 20), 5));
    }

    @Test
    void aReportMadeAtTheWeekendCountsFromMonday() {
        assertEquals(LocalDate.of(2026, 11, 23), perth().addBusinessDays(LocalDate.of(2026, 11, 21), 1));
        assertEquals(LocalDate.of(2026, 11, 24), perth().addBusinessDays(LocalDate.of(2026, 11, 22), 2));
    }

    @Test
    void publicHolidaysAreNotBusinessDays() {
        BusinessCalendar calendar = perth();
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 12, 25)));
        assertFalse(calendar.isBusinessDay(LocalDate.of(2026, 12, 28)));
        assertTrue(calendar.isBusinessDay(LocalDate.of(2026, 12, 24)));
        // Thursday 24 December + 2 business days: skips Christmas (Fri), the weekend and Boxing Day's Monday.
        assertEquals(LocalDate.of(2026, 12, 30), calendar.addBusinessDays(LocalDate.of(2026, 12, 24), 2));
        // Thursday 2 April 2026 + 1: Good Friday, the Easter weekend and Easter Monday pass first.
        assertEquals(LocalDate.of(2026, 4, 7), calendar.addBusinessDays(LocalDate.of(2026, 4, 2), 1));
    }

    @Test
    void theDayIsTheCouncilsDayNotUtcs() {
        // 17:30 UTC on Sunday is 01:30 on Monday in Perth: Monday is the day of the report.
        Instant mondayInPerth = Instant.parse("2026-11-22T17:30:00Z");
        assertEquals(LocalDate.of(2026, 11, 23), perth().localDate(mondayInPerth));
    }

    @Test
    void zeroDaysMeansTheSameDay() {
        assertEquals(LocalDate.of(2026, 11, 23), perth().addBusinessDays(LocalDate.of(2026, 11, 23), 0));
    }

    @Test
    void refusesNegativeDaysAndCalendarsWithoutWorkingDays() {
        assertThrows(IllegalArgumentException.class, () -> perth().addBusinessDays(LocalDate.of(2026, 11, 23), -1));
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar("none", PERTH, java.util.Set.of(), Map.of()));
    }
}

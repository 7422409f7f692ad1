package io.civicdesk.sla;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Business time: the minutes a council is open, in its own zone, across weekends, holidays and daylight saving. */
class BusinessTimeTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static BusinessCalendar perthOffice() {
        Map<LocalDate, String> holidays = WesternAustraliaHolidays.forYear(2026).stream()
                .collect(Collectors.toMap(PublicHoliday::date, PublicHoliday::name));
        return new BusinessCalendar("perth", PERTH, BusinessCalendar.MONDAY_TO_FRIDAY, holidays);
    }

    private static Instant perth(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PERTH).toInstant();
    }

    private static Instant sydney(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SYDNEY).toInstant();
    }

    private static BusinessCalendar sydneyAllHours() {
        Map<DayOfWeek, List<OpeningSpan>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(new OpeningSpan(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessCalendar("sydney-24-7", SYDNEY, hours, Map.of());
    }

    @Test
    void timeRunsOnlyWhileOpenSoAFridayAfternoonCarriesIntoMonday() {
        assertEquals(perth("2026-11-23T09:30"), perthOffice().addBusinessTime(perth("2026-11-20T16:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), perthOffice().businessTimeBetween(perth("2026-11-20T16:00"), perth("2026-11-23T09:30")));
    }

    @Test
    void publicHolidaysStopTheClock() {
        // Thursday 24 December, 4:30 pm: Christmas (Fri), the weekend and Boxing Day's Monday pass first.
        assertEquals(perth("2026-12-29T09:00"), perthOffice().addBusinessTime(perth("2026-12-24T16:30"), Duration.ofHours(1)));
    }

    @Test
    void anOutOfHoursReportStartsAtTheNextOpening() {
        BusinessCalendar calendar = perthOffice();
        assertEquals(perth("2026-11-23T08:30"), calendar.nextOpening(perth("2026-11-21T10:00")), "Saturday → Monday");
        assertEquals(perth("2026-11-23T08:30"), calendar.nextOpening(perth("2026-11-23T07:00")), "before opening");
        assertEquals(perth("2026-11-24T08:30"), calendar.nextOpening(perth("2026-11-23T17:00")), "at closing");
        assertEquals(perth("2026-11-23T12:00"), calendar.nextOpening(perth("2026-11-23T12:00")), "while open");
        ServiceClock clock = ServiceClock.startedAt(perth("2026-11-21T10:00"));
        assertEquals(Duration.ofHours(1), clock.taken(calendar, perth("2026-11-23T09:30")));
    }

    @Test
    void severalSpansADayLeaveTheLunchHourOut() {
        Map<DayOfWeek, List<OpeningSpan>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : BusinessCalendar.MONDAY_TO_FRIDAY) {
            hours.put(day, List.of(OpeningSpan.of("13:30", "17:00"), OpeningSpan.of("08:30", "12:30")));
        }
        BusinessCalendar calendar = new BusinessCalendar("split", PERTH, hours, Map.of());
        assertEquals(perth("2026-11-23T14:00"), calendar.addBusinessTime(perth("2026-11-23T12:00"), Duration.ofHours(1)));
        assertEquals(Duration.ofMinutes(450), calendar.businessTimeBetween(perth("2026-11-23T06:00"), perth("2026-11-23T20:00")));
        assertEquals(perth("2026-11-23T13:30"), calendar.nextOpening(perth("2026-11-23T12:45")));
    }

    @Test
    void overlappingSpansAreRefused() {
        Map<DayOfWeek, List<OpeningSpan>> hours = Map.of(DayOfWeek.MONDAY,
                List.of(OpeningSpan.of("08:30", "12:30"), OpeningSpan.of("12:00", "17:00")));
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar("bad", PERTH, hours, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> OpeningSpan.of("17:00", "08:30"));
    }

    @Test
    void daylightSavingMakesSydneysSpringWeekendAnHourShorterAndAutumnsAnHourLonger() {
        BusinessCalendar calendar = sydneyAllHours();
        // Clocks go forward at 2 am on Sunday 4 October 2026 and back at 3 am on Sunday 5 April 2026.
        assertEquals(Duration.ofHours(47), calendar.businessTimeBetween(sydney("2026-10-03T00:00"), sydney("2026-10-05T00:00")));
        assertEquals(Duration.ofHours(49), calendar.businessTimeBetween(sydney("2026-04-04T00:00"), sydney("2026-04-06T00:00")));
    }

    @Test
    void officeHoursInSydneyKeepTheirLocalTimesAcrossTheChange() {
        BusinessCalendar calendar = new BusinessCalendar("sydney", SYDNEY, BusinessCalendar.MONDAY_TO_FRIDAY, Map.of());
        // Friday 4 pm AEST (UTC+10) plus 2 business hours is Monday 9:30 AEDT (UTC+11): an hour each side.
        Instant due = calendar.addBusinessTime(sydney("2026-10-02T16:00"), Duration.ofHours(2));
        assertEquals(Instant.parse("2026-10-04T22:30:00Z"), due);
        assertEquals(sydney("2026-10-05T09:30"), due);
    }

    @Test
    void aSpanAcrossTheChangeIsAsLongAsItReallyWas() {
        Map<DayOfWeek, List<OpeningSpan>> hours = Map.of(DayOfWeek.SUNDAY, List.of(OpeningSpan.of("01:00", "04:00")));
        BusinessCalendar calendar = new BusinessCalendar("sunday-night", SYDNEY, hours, Map.of());
        assertEquals(Duration.ofHours(2), calendar.businessTimeBetween(sydney("2026-10-04T00:00"), sydney("2026-10-05T00:00")));
        assertEquals(Duration.ofHours(4), calendar.businessTimeBetween(sydney("2026-04-05T00:00"), sydney("2026-04-06T00:00")));
    }
}

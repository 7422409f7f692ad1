package io.civicdesk.sla;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WesternAustraliaHolidaysTest {

    private static List<LocalDate> dates(int year) {
        return WesternAustraliaHolidays.forYear(year).stream().map(PublicHoliday::date).toList();
    }

    @Test
    void twentyTwentySixMatchesTheGazettedList() {
        assertEquals(List.of(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 26), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 4, 6),
                LocalDate.of(2026, 4, 25), LocalDate.of(2026, 4, 27), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 9, 28), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26),
                LocalDate.of(2026, 12, 28)), dates(2026));
    }

    @Test
    void twentyTwentySevenGivesChristmasAndBoxingDayTheirOwnWeekdays() {
        assertEquals(List.of(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 26), LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 29),
                LocalDate.of(2027, 4, 25), LocalDate.of(2027, 4, 26), LocalDate.of(2027, 6, 7),
                LocalDate.of(2027, 9, 27), LocalDate.of(2027, 12, 25), LocalDate.of(2027, 12, 26),
                LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28)), dates(2027));
    }

    @Test
    void christmasOnASundayMovesItsAdditionalDayPastBoxingDay() {
        // 2022: Christmas Sunday, Boxing Day Monday, additional Christmas holiday Tuesday 27th.
        List<LocalDate> december = dates(2022).stream().filter(date -> date.getMonthValue() == 12).toList();
        assertEquals(List.of(LocalDate.of(2022, 12, 25), LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27)), december);
    }

    @Test
    void proclaimedKingsBirthdayWinsOverTheUsualRule() {
        assertEquals(true, dates(2024).contains(LocalDate.of(2024, 9, 23)));
        assertEquals(false, dates(2024).contains(LocalDate.of(2024, 9, 30)));
    }

    @Test
    void easterFollowsTheComputus() {
        assertEquals(LocalDate.of(2024, 3, 31), WesternAustraliaHolidays.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), WesternAustraliaHolidays.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), WesternAustraliaHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), WesternAustraliaHolidays.easterSunday(2027));
        assertEquals(LocalDate.of(2038, 4, 25), WesternAustraliaHolidays.easterSunday(2038));
    }
}

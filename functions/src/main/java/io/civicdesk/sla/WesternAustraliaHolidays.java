package io.civicdesk.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Western Australia's public holidays under the Public and Bank Holidays Act 1972, with its additional days
 * when a holiday falls on a weekend. The King's Birthday is proclaimed each year by the Governor: usually the
 * last Monday in September, but not always (23 September 2024), so proclaimed dates are data and the rule is
 * only the fallback.
 */
public final class WesternAustraliaHolidays {
    private static final Map<Integer, LocalDate> PROCLAIMED_KINGS_BIRTHDAY = Map.of(
            2024, LocalDate.of(2024, 9, 23),
            2025, LocalDate.of(2025, 9, 29),
            2026, LocalDate.of(2026, 9, 28),
            2027, LocalDate.of(2027, 9, 27));

    private WesternAustraliaHolidays() {
    }

    public static List<PublicHoliday> forYear(int year) {
        List<PublicHoliday> days = new ArrayList<>();
        withMondayIfWeekend(days, LocalDate.of(year, 1, 1), "New Year's Day");
        withMondayIfWeekend(days, LocalDate.of(year, 1, 26), "Australia Day");
        days.add(new PublicHoliday(firstMonday(year, Month.MARCH), "Labour Day"));
        LocalDate easter = easterSunday(year);
        days.add(new PublicHoliday(easter.minusDays(2), "Good Friday"));
        days.add(new PublicHoliday(easter, "Easter Sunday"));
        days.add(new PublicHoliday(easter.plusDays(1), "Easter Monday"));
        withMondayIfWeekend(days, LocalDate.of(year, 4, 25), "Anzac Day");
        days.add(new PublicHoliday(firstMonday(year, Month.JUNE), "Western Australia Day"));
        days.add(new PublicHoliday(PROCLAIMED_KINGS_BIRTHDAY.getOrDefault(year,
                LocalDate.of(year, 9, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))), "King's Birthday"));
        addChristmas(days, year);
        days.sort(Comparator.comparing(PublicHoliday::date));
        return days;
    }

    private static void withMondayIfWeekend(List<PublicHoliday> days, LocalDate date, String name) {
        days.add(new PublicHoliday(date, name));
        if (isWeekend(date)) {
            days.add(new PublicHoliday(date.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), name + " (additional day)"));
        }
    }

    /** Christmas and Boxing Day each get a weekday: the next one not already taken by the other. */
    private static void addChristmas(List<PublicHoliday> days, int year) {
        LocalDate christmas = LocalDate.of(year, 12, 25);
        LocalDate boxingDay = LocalDate.of(year, 12, 26);
        days.add(new PublicHoliday(christmas, "Christmas Day"));
        days.add(new PublicHoliday(boxingDay, "Boxing Day"));
        LocalDate nextFree = LocalDate.of(year, 12, 27);
        if (isWeekend(christmas)) {
            nextFree = firstWeekdayFrom(nextFree);
            days.add(new PublicHoliday(nextFree, "Christmas Day (additional day)"));
            nextFree = nextFree.plusDays(1);
        }
        if (isWeekend(boxingDay)) {
            days.add(new PublicHoliday(firstWeekdayFrom(nextFree), "Boxing Day (additional day)"));
        }
    }

    private static LocalDate firstWeekdayFrom(LocalDate date) {
        LocalDate day = date;
        while (isWeekend(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate firstMonday(int year, Month month) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    }

    /** The Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

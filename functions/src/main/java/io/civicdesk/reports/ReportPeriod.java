package io.civicdesk.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * A reporting period in the council's own days, from {@code first} to {@code last} inclusive: a week (Monday
 * to Sunday), a calendar month, or a quarter (July–September and so on, as Australian financial quarters
 * fall on calendar quarters).
 */
public record ReportPeriod(Kind kind, LocalDate first, LocalDate last) {

    public enum Kind {
        WEEKLY, MONTHLY, QUARTERLY;

        /** The kind a caller named, in any case (e.g. {@code "weekly"}); empty when it names none we make. */
        public static java.util.Optional<Kind> named(String text) {
            String wanted = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
            return java.util.Arrays.stream(values()).filter(kind -> kind.name().equals(wanted)).findFirst();
        }
    }

    /** The last complete period of its kind before {@code today} — what a schedule running today reports on. */
    public static ReportPeriod lastCompleteBefore(Kind kind, LocalDate today) {
        return containing(kind, switch (kind) {
            case WEEKLY -> today.minusWeeks(1);
            case MONTHLY -> today.minusMonths(1);
            case QUARTERLY -> today.minusMonths(3);
        });
    }

    public static ReportPeriod containing(Kind kind, LocalDate day) {
        return switch (kind) {
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new ReportPeriod(kind, monday, monday.plusDays(6));
            }
            case MONTHLY -> new ReportPeriod(kind, day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTERLY -> {
                LocalDate start = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new ReportPeriod(kind, start, start.plusMonths(3).minusDays(1));
            }
        };
    }

    public ReportPeriod previous() {
        return containing(kind, first.minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** A stable name, e.g. {@code QUARTERLY-2026-07-01}, used as the report's key and to send it once. */
    public String key() {
        return kind + "-" + first;
    }
}

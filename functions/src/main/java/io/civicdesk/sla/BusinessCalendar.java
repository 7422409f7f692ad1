package io.civicdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a council is open, in its own time zone: opening hours per weekday (several spans a day allowed) and
 * public holidays. Two kinds of arithmetic run on it:
 * <ul>
 *   <li>business days, for targets set in days (a complaint's acknowledgement) — counted from the day after,
 *       whatever the hour, so "2 business days" said on a Friday means Tuesday;</li>
 *   <li>business time, for service-level clocks — real minutes elapsed while open, so a span on the night
 *       daylight saving starts or ends is as long as it really was.</li>
 * </ul>
 */
public record BusinessCalendar(String id, ZoneId zone, Map<DayOfWeek, List<OpeningSpan>> openingHours,
                               Map<LocalDate, String> holidays) {

    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** A council office's ordinary day. */
    public static final List<OpeningSpan> OFFICE_HOURS = List.of(OpeningSpan.of("08:30", "17:00"));
    /** The furthest business time is looked for: a calendar open less than this is a mistake, not a plan. */
    private static final int SEARCH_DAYS = 3 * 366;

    public BusinessCalendar {
        Map<DayOfWeek, List<OpeningSpan>> hours = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, spans) -> {
            if (!spans.isEmpty()) {
                hours.put(day, inOrderWithoutOverlap(day, spans));
            }
        });
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("A calendar needs at least one working day");
        }
        openingHours = Map.copyOf(hours);
        holidays = Map.copyOf(holidays);
    }

    /** Working days with ordinary office hours. */
    public BusinessCalendar(String id, ZoneId zone, Set<DayOfWeek> workingDays, Map<LocalDate, String> holidays) {
        this(id, zone, workingDays.stream().collect(Collectors.toMap(day -> day, day -> OFFICE_HOURS)), holidays);
    }

    /** A day's spans from the earliest; an overlap is refused, as the same hour would count twice. */
    public static List<OpeningSpan> inOrderWithoutOverlap(DayOfWeek day, List<OpeningSpan> spans) {
        List<OpeningSpan> sorted = spans.stream().sorted(Comparator.comparing(OpeningSpan::opens)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            OpeningSpan before = sorted.get(i - 1);
            if (before.closesAtEndOfDay() || sorted.get(i).opens().isBefore(before.closes())) {
                throw new IllegalArgumentException("Opening hours overlap on " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + ": " + before + " and " + sorted.get(i) + ". Let one span close before the next opens.");
            }
        }
        return sorted;
    }

    public Set<DayOfWeek> workingDays() {
        return openingHours.keySet();
    }

    /** The longest working day's opening hours: what "one business day" of a service's promise means in time. */
    public Duration ordinaryDay() {
        return openingHours.values().stream()
                .map(spans -> spans.stream().map(OpeningSpan::length).reduce(Duration.ZERO, Duration::plus))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    public boolean isBusinessDay(LocalDate date) {
        return openingHours.containsKey(date.getDayOfWeek()) && !holidays.containsKey(date);
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

    /** Business days from one day to a later one: 0 on the same day, 1 on the next business day. */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isBusinessDay(date)) {
                days++;
            }
        }
        return days;
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** A stretch of real time during which the council is open. */
    public record OpenInterval(Instant from, Instant to) {
    }

    /** The day's open intervals, as instants; a holiday or a closed weekday has none. */
    public List<OpenInterval> openIntervals(LocalDate date) {
        if (!isBusinessDay(date)) {
            return List.of();
        }
        List<OpenInterval> intervals = new ArrayList<>();
        for (OpeningSpan span : openingHours.get(date.getDayOfWeek())) {
            // ZonedDateTime resolves a local time lost to daylight saving by moving it forward by the gap.
            Instant opens = ZonedDateTime.of(date, span.opens(), zone).toInstant();
            Instant closes = span.closesAtEndOfDay()
                    ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, span.closes(), zone).toInstant();
            if (closes.isAfter(opens)) {
                intervals.add(new OpenInterval(opens, closes));
            }
        }
        return intervals;
    }

    /** {@code at} itself when the council is open then, else the moment it next opens. */
    public Instant nextOpening(Instant at) {
        LocalDate date = localDate(at).minusDays(1);
        for (int day = 0; day < SEARCH_DAYS; day++, date = date.plusDays(1)) {
            for (OpenInterval interval : openIntervals(date)) {
                if (interval.to().isAfter(at)) {
                    return interval.from().isAfter(at) ? interval.from() : at;
                }
            }
        }
        throw new IllegalStateException("Calendar " + id + " does not open within three years of " + at);
    }

    /** The moment {@code amount} of business time has passed after {@code from}. */
    public Instant addBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        Duration left = amount;
        LocalDate date = localDate(from).minusDays(1);
        for (int day = 0; day < SEARCH_DAYS; day++, date = date.plusDays(1)) {
            for (OpenInterval interval : openIntervals(date)) {
                if (!interval.to().isAfter(from)) {
                    continue;
                }
                Instant start = interval.from().isAfter(from) ? interval.from() : from;
                Duration available = Duration.between(start, interval.to());
                if (left.compareTo(available) <= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("Calendar " + id + " cannot fit " + amount + " within three years of " + from);
    }

    /** Business time between two instants: the part of [from, to) when the council was open. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        for (LocalDate date = localDate(from).minusDays(1); !date.isAfter(localDate(to)); date = date.plusDays(1)) {
            for (OpenInterval interval : openIntervals(date)) {
                Instant start = interval.from().isAfter(from) ? interval.from() : from;
                Instant end = interval.to().isBefore(to) ? interval.to() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }
}

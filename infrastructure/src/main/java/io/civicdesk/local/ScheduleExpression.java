package io.civicdesk.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression, for running schedules locally.
 * <ul>
 * <li>{@code rate(n minute[s]|hour[s]|day[s])}: every n units from when the stack started.</li>
 * <li>{@code cron(minutes hours day-of-month month day-of-week year)}: fields take {@code *}, {@code ?}, numbers,
 * lists ({@code ,}), ranges ({@code -}), steps ({@code /}) and the names JAN-DEC and SUN-SAT (day-of-week 1-7 is
 * SUN-SAT). Not supported: {@code L}, {@code W} and {@code #}. Evaluated in the schedule's time zone (UTC unless
 * ScheduleExpressionTimezone says otherwise).</li>
 * </ul>
 * One-time {@code at(...)} schedules are not supported.
 */
public final class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|hour|day)s?\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** How far ahead a cron is searched for its next time: its year field may name a year long gone. */
    private static final int SEARCH_YEARS = 5;

    private final Duration rate;
    private final BitSet[] cron;
    private final ZoneId zone;

    private ScheduleExpression(Duration rate, BitSet[] cron, ZoneId zone) {
        this.rate = rate;
        this.cron = cron;
        this.zone = zone;
    }

    public static ScheduleExpression parse(String expression, ZoneId zone) {
        String trimmed = expression.trim();
        Matcher rate = RATE.matcher(trimmed);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            ChronoUnit unit = switch (rate.group(2)) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                default -> ChronoUnit.DAYS;
            };
            if (amount < 1) {
                throw new IllegalArgumentException("A rate needs a positive number: " + expression);
            }
            return new ScheduleExpression(Duration.of(amount, unit), null, zone);
        }
        Matcher cron = CRON.matcher(trimmed);
        if (cron.matches()) {
            String[] fields = cron.group(1).trim().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("A cron expression has six fields: " + expression);
            }
            return new ScheduleExpression(null, new BitSet[] {
                field(fields[0], 0, 59, List.of()),
                field(fields[1], 0, 23, List.of()),
                field(fields[2], 1, 31, List.of()),
                field(fields[3], 1, 12, MONTHS),
                field(fields[4], 1, 7, DAYS),
                field(fields[5], 1970, 2199, List.of())}, zone);
        }
        throw new IllegalArgumentException("The local stack runs rate(...) and cron(...) schedules, not " + expression);
    }

    /** The first time after {@code after} that the schedule fires, if it ever does. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        if (rate != null) {
            return Optional.of(after.plus(rate));
        }
        ZonedDateTime candidate = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = candidate.plusYears(SEARCH_YEARS);
        while (candidate.isBefore(limit)) {
            if (!cron[5].get(candidate.getYear() - 1970) || !cron[3].get(candidate.getMonthValue() - 1)) {
                candidate = candidate.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0);
            } else if (!dayMatches(candidate)) {
                candidate = candidate.plusDays(1).withHour(0).withMinute(0);
            } else if (!cron[1].get(candidate.getHour())) {
                candidate = candidate.plusHours(1).withMinute(0);
            } else if (!cron[0].get(candidate.getMinute())) {
                candidate = candidate.plusMinutes(1);
            } else {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** EventBridge puts {@code ?} in one of day-of-month and day-of-week; the other decides. */
    private boolean dayMatches(ZonedDateTime time) {
        int dayOfWeek = time.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : time.getDayOfWeek().getValue();
        return cron[2].get(time.getDayOfMonth() - 1) && cron[4].get(dayOfWeek);
    }

    /** The allowed values of a field, as bits from {@code min}. */
    private static BitSet field(String field, int min, int max, List<String> names) {
        BitSet allowed = new BitSet();
        for (String part : field.toUpperCase(Locale.ROOT).split(",")) {
            String[] stepped = part.split("/");
            int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
            int from;
            int to;
            if (stepped[0].equals("*") || stepped[0].equals("?")) {
                from = min;
                to = max;
            } else {
                String[] range = stepped[0].split("-");
                from = value(range[0], min, names);
                to = range.length > 1 ? value(range[1], min, names) : stepped.length > 1 ? max : from;
            }
            if (from < min || to > max || from > to || step < 1) {
                throw new IllegalArgumentException("Cron field out of range: " + field);
            }
            for (int v = from; v <= to; v += step) {
                allowed.set(v - min);
            }
        }
        return allowed;
    }

    private static int value(String text, int min, List<String> names) {
        int named = names.indexOf(text);
        try {
            return named >= 0 ? named + min : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The local stack does not support " + text + " in a cron field"
                    + " (only *, ?, numbers, names, lists, ranges and steps; not L, W or #)", e);
        }
    }
}

package io.civicdesk.bookings;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Dates;
import io.civicdesk.platform.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A booking against its facility's rules, at a given moment. Every failing rule is named with the field a
 * resident changes to fix it. This decides what may be asked for; whether the time is still free is decided
 * only by the slot locks' write, never here.
 */
public final class RuleCheck {
    private static final Locale AU = Locale.forLanguageTag("en-AU");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mma", AU);

    /** Who is asking: a resident meets every rule; staff booking for a caller skip notice and approval. */
    public enum Asker { RESIDENT, STAFF }

    private RuleCheck() {
    }

    /** The occurrences the request asks for, or 400 naming every rule it breaks. */
    public static List<Occurrence> check(Facility facility, BookingRequest request, Instant now, Asker asker) {
        BookingRules rules = facility.rules();
        ZoneId zone = facility.zone();
        Set<FieldError> errors = new LinkedHashSet<>();
        LocalTime start = request.start();
        LocalTime end = request.end();
        if (!end.isAfter(start)) {
            throw Refusal.invalid(List.of(new FieldError("end", "The end time must be after the start time.")));
        }
        if (minuteOfDay(start) % rules.slotMinutes() != 0) {
            errors.add(new FieldError("start", "Choose a start time on a " + rules.slotMinutes() + "-minute boundary, like "
                    + clock(LocalTime.of(start.getHour(), 0)) + "."));
        }
        if (minuteOfDay(end) % rules.slotMinutes() != 0) {
            errors.add(new FieldError("end", "Choose an end time on a " + rules.slotMinutes() + "-minute boundary."));
        }
        long minutes = Duration.between(start, end).toMinutes();
        if (minutes < rules.minMinutes()) {
            errors.add(new FieldError("end", "Book the " + facility.name() + " for at least " + duration(rules.minMinutes()) + "."));
        }
        if (minutes > rules.maxMinutes()) {
            errors.add(new FieldError("end", "Book the " + facility.name() + " for at most " + duration(rules.maxMinutes()) + "."));
        }
        if (request.attendance() > facility.capacity()) {
            errors.add(new FieldError("attendance", "The " + facility.name() + " holds at most " + facility.capacity()
                    + " people. Choose a larger facility, or expect fewer people."));
        }
        if (request.occurrences() > rules.maxOccurrences()) {
            errors.add(new FieldError("occurrences", "A series at the " + facility.name() + " can have at most "
                    + rules.maxOccurrences() + " weekly bookings. Book " + rules.maxOccurrences()
                    + " now and the rest as another series later."));
        }
        if (request.concession() != null && rules.fee().concession(request.concession()).isEmpty()) {
            errors.add(new FieldError("concession", "Choose one of the concessions listed, or none."));
        }
        List<Occurrence> occurrences = new ArrayList<>();
        int weeks = Math.min(request.occurrences(), Math.max(rules.maxOccurrences(), 1));
        for (int week = 0; week < weeks; week++) {
            LocalDate date = request.date().plusWeeks(week);
            String when = weeks == 1 ? "" : " (" + Dates.spoken(date) + ")";
            LocalDateTime from = date.atTime(start);
            LocalDateTime to = date.atTime(end);
            var hours = facility.hoursOn(date.getDayOfWeek());
            if (hours.isEmpty()) {
                errors.add(new FieldError("date", "The " + facility.name() + " is closed on "
                        + date.getDayOfWeek().getDisplayName(TextStyle.FULL, AU) + "s" + when + ". Choose another day."));
            } else if (!hours.get().covers(start, end)) {
                errors.add(new FieldError(start.isBefore(hours.get().opens()) || !start.isBefore(hours.get().closes()) ? "start" : "end",
                        "The " + facility.name() + " is open from " + clock(hours.get().opens()) + " to "
                                + clock(hours.get().closes()) + " on " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, AU)
                                + "s. Choose times within those hours."));
            }
            Instant startsAt = from.atZone(zone).toInstant();
            if (asker == Asker.RESIDENT && startsAt.isBefore(now.plus(Duration.ofHours(rules.minNoticeHours())))) {
                errors.add(new FieldError("date", "Book the " + facility.name() + " at least " + notice(rules.minNoticeHours())
                        + " ahead" + when + "."));
            }
            if (!startsAt.isBefore(now.plus(Duration.ofDays(rules.maxNoticeDays())))) {
                errors.add(new FieldError("date", "The " + facility.name() + " can be booked up to " + rules.maxNoticeDays()
                        + " days ahead" + when + ". Choose an earlier date."));
            }
            if (startsAt.isBefore(now)) {
                errors.add(new FieldError("date", "Choose a date and time that has not passed yet."));
            }
            for (BookingRules.Blackout blackout : rules.blackouts()) {
                if (blackout.overlaps(from, to)) {
                    errors.add(new FieldError("start", "The " + facility.name() + " is not available then" + when + ": "
                            + blackout.reason() + "."));
                }
            }
            occurrences.add(new Occurrence(startsAt, to.atZone(zone).toInstant()));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(List.copyOf(errors));
        }
        return occurrences;
    }

    /** 409 unless a resident may still change or cancel: until the cut-off before the first start. */
    public static void requireBeforeCutoff(Facility facility, Booking booking, Instant now, String action) {
        Instant cutoff = booking.firstStart().minus(Duration.ofHours(facility.rules().changeCutoffHours()));
        if (now.isAfter(cutoff)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "This booking can no longer be " + action + " online: bookings of the "
                    + facility.name() + " can be " + action + " until " + notice(facility.rules().changeCutoffHours())
                    + " before they start. Call us on (08) 9999 0000.",
                    List.of(new FieldError("start", "It starts in less than " + notice(facility.rules().changeCutoffHours()) + ".")));
        }
    }

    static String clock(LocalTime time) {
        return CLOCK.format(time).toLowerCase(AU).replace(":00", "");
    }

    static String duration(int minutes) {
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " minutes";
    }

    static String notice(int hours) {
        if (hours % 24 == 0 && hours >= 48) {
            return hours / 24 + " days";
        }
        return hours + (hours == 1 ? " hour" : " hours");
    }

    private static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}

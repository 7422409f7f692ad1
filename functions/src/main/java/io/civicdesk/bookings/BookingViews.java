package io.civicdesk.bookings;

import io.civicdesk.platform.Dates;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the API answers about facilities and bookings, as JSON-ready maps. Times are the facility's local time. */
public final class BookingViews {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Locale AU = Locale.forLanguageTag("en-AU");

    private BookingViews() {
    }

    public static Map<String, Object> summary(Facility facility) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", facility.id());
        view.put("name", facility.name());
        view.put("kind", facility.kind());
        view.put("summary", facility.summary());
        view.put("address", facility.address());
        view.put("capacity", facility.capacity());
        view.put("features", facility.features());
        view.put("photo", facility.photos().isEmpty() ? null : facility.photos().get(0));
        view.put("approvalRequired", facility.rules().approvalRequired());
        view.put("hourlyRate", Quote.dollars(facility.rules().fee().hourlyRateCents()));
        return view;
    }

    public static Map<String, Object> detail(Facility facility) {
        Map<String, Object> view = summary(facility);
        BookingRules rules = facility.rules();
        view.put("description", facility.description());
        view.put("accessibility", facility.accessibility());
        view.put("photos", facility.photos());
        view.put("timeZone", facility.timeZone());
        List<Map<String, Object>> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day.getDisplayName(java.time.format.TextStyle.FULL, AU));
            facility.hoursOn(day).ifPresentOrElse(h -> {
                row.put("opens", HHMM.format(h.opens()));
                row.put("closes", HHMM.format(h.closes()));
            }, () -> row.put("closed", true));
            hours.add(row);
        }
        view.put("openingHours", hours);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("slotMinutes", rules.slotMinutes());
        r.put("minMinutes", rules.minMinutes());
        r.put("maxMinutes", rules.maxMinutes());
        r.put("minNoticeHours", rules.minNoticeHours());
        r.put("maxNoticeDays", rules.maxNoticeDays());
        r.put("bufferBeforeMinutes", rules.bufferBeforeMinutes());
        r.put("bufferAfterMinutes", rules.bufferAfterMinutes());
        r.put("approvalRequired", rules.approvalRequired());
        r.put("changeCutoffHours", rules.changeCutoffHours());
        r.put("maxOccurrences", rules.maxOccurrences());
        r.put("blackouts", rules.blackouts().stream().map(BookingViews::blackout).toList());
        r.put("rulesText", rulesText(facility));
        view.put("rules", r);
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("hourlyRate", Quote.dollars(rules.fee().hourlyRateCents()));
        fee.put("hourlyRateCents", rules.fee().hourlyRateCents());
        fee.put("bond", Quote.dollars(rules.fee().bondCents()));
        fee.put("bondCents", rules.fee().bondCents());
        fee.put("concessions", rules.fee().concessions());
        view.put("fee", fee);
        return view;
    }

    /** The rules in words, for the facility page. */
    static List<String> rulesText(Facility facility) {
        BookingRules rules = facility.rules();
        List<String> lines = new ArrayList<>();
        lines.add("Book from " + RuleCheck.duration(rules.minMinutes()) + " to " + RuleCheck.duration(rules.maxMinutes())
                + ", in steps of " + rules.slotMinutes() + " minutes.");
        lines.add("Book at least " + RuleCheck.notice(rules.minNoticeHours()) + " and up to " + rules.maxNoticeDays() + " days ahead.");
        if (rules.bufferBeforeMinutes() > 0 || rules.bufferAfterMinutes() > 0) {
            lines.add("We keep " + rules.bufferBeforeMinutes() + " minutes before and " + rules.bufferAfterMinutes()
                    + " minutes after each booking free for setting up and cleaning.");
        }
        lines.add(rules.approvalRequired()
                ? "Bookings need approval: we hold the time for you and reply within " + RuleCheck.notice(rules.holdHours()) + "."
                : "Bookings are confirmed straight away.");
        lines.add("Change or cancel online until " + RuleCheck.notice(rules.changeCutoffHours()) + " before the start.");
        return lines;
    }

    static Map<String, Object> blackout(BookingRules.Blackout blackout) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reason", blackout.reason());
        view.put("from", blackout.from());
        view.put("until", blackout.until());
        view.put("weekly", blackout.weekly().stream().sorted().map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, AU)).toList());
        view.put("startTime", blackout.startTime() == null ? null : HHMM.format(blackout.startTime()));
        view.put("endTime", blackout.endTime() == null ? null : HHMM.format(blackout.endTime()));
        return view;
    }

    public static Map<String, Object> occurrence(Occurrence occurrence, ZoneId zone) {
        ZonedDateTime start = occurrence.localStart(zone);
        ZonedDateTime end = occurrence.localEnd(zone);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date", start.toLocalDate().toString());
        view.put("start", HHMM.format(start));
        view.put("end", HHMM.format(end));
        view.put("startsAt", occurrence.start().toString());
        view.put("endsAt", occurrence.end().toString());
        view.put("label", spoken(occurrence, zone));
        return view;
    }

    /** "Saturday 28 November 2026, 1pm to 5pm". */
    public static String spoken(Occurrence occurrence, ZoneId zone) {
        ZonedDateTime start = occurrence.localStart(zone);
        return Dates.spoken(start.toLocalDate()) + ", " + RuleCheck.clock(start.toLocalTime()) + " to "
                + RuleCheck.clock(occurrence.localEnd(zone).toLocalTime());
    }

    public static Map<String, Object> quote(Quote quote) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hours", quote.hours());
        view.put("hourlyRate", Quote.dollars(quote.hourlyRateCents()));
        view.put("hireFee", Quote.dollars(quote.hireFeeCents()));
        view.put("concession", quote.concession());
        view.put("discount", quote.discountCents() == 0 ? null : Quote.dollars(quote.discountCents()));
        view.put("bond", Quote.dollars(quote.bondCents()));
        view.put("total", Quote.dollars(quote.totalCents()));
        view.put("totalCents", quote.totalCents());
        return view;
    }

    /** A booking: the public part by reference alone; with the private key, the resident's details too. */
    public static Map<String, Object> booking(Booking booking, Facility facility, boolean withDetails, Instant now, String portalUrl) {
        ZoneId zone = facility.zone();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", booking.reference().value());
        view.put("displayReference", booking.reference().display());
        view.put("kind", booking.kind());
        view.put("status", booking.status().wireName());
        view.put("statusLabel", booking.status().label());
        view.put("facility", Map.of("id", facility.id(), "name", facility.name(), "address", facility.address()));
        view.put("occurrences", booking.occurrences().stream().map(o -> occurrence(o, zone)).toList());
        view.put("timeZone", facility.timeZone());
        view.put("holdExpiresAt", booking.holdExpiresAt());
        view.put("private", withDetails);
        if (withDetails) {
            view.put("statusReason", booking.statusReason());
            view.put("purpose", booking.purpose());
            view.put("attendance", booking.attendance());
            view.put("contact", booking.contact());
            view.put("quote", booking.quote() == null ? null : quote(booking.quote()));
            boolean active = booking.status() == BookingStatus.HELD || booking.status() == BookingStatus.CONFIRMED;
            Instant cutoff = booking.firstStart().minusSeconds(facility.rules().changeCutoffHours() * 3600L);
            view.put("canCancel", (active || booking.status() == BookingStatus.PAYING) && !now.isAfter(cutoff));
            view.put("canChange", active && !now.isAfter(cutoff) && booking.occurrences().size() == 1);
            view.put("canPay", booking.status() == BookingStatus.PAYING && now.isBefore(booking.holdExpiresAt()));
            view.put("changeUntil", cutoff.toString());
        }
        return view;
    }

    /** An answer kept verbatim for an idempotent retry: the view as JSON. */
    public static Idempotency.Answer answer(int status, Map<String, Object> view) {
        return new Idempotency.Answer(status, Json.write(view));
    }
}

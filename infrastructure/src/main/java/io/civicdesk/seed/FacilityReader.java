package io.civicdesk.seed;

import io.civicdesk.bookings.BookingRules;
import io.civicdesk.bookings.BookingRules.Blackout;
import io.civicdesk.bookings.BookingRules.Concession;
import io.civicdesk.bookings.BookingRules.Fee;
import io.civicdesk.bookings.Facility;
import io.civicdesk.bookings.Facility.OpeningHours;
import io.civicdesk.bookings.Facility.Photo;
import io.civicdesk.bookings.SlotGrid;
import io.civicdesk.sla.OpeningSpan;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the file's facilities with their booking rules: slots, notice, closures, fees and concessions. */
final class FacilityReader {
    private static final List<String> FACILITY = List.of("id", "name", "kind", "summary", "description", "address",
            "capacity", "features", "accessibility", "photos", "timeZone", "openingHours", "rules");
    private static final List<String> PHOTO = List.of("url", "alt");
    private static final List<String> RULES = List.of("slotMinutes", "minMinutes", "maxMinutes", "minNoticeHours",
            "maxNoticeDays", "bufferBeforeMinutes", "bufferAfterMinutes", "approvalRequired", "holdHours",
            "changeCutoffHours", "maxOccurrences", "fee", "blackouts");
    private static final List<String> FEE = List.of("hourlyRateCents", "bondCents", "concessions", "payOnline");
    private static final List<String> CONCESSION = List.of("id", "label", "percentOff");
    private static final List<String> BLACKOUT = List.of("reason", "from", "until", "yearly", "weekly", "startTime", "endTime");
    private static final List<String> YEARLY = List.of("from", "until", "years");
    private static final List<String> DAYS = List.copyOf(Fields.DAYS.keySet());
    private static final Fee FREE = new Fee(0, 0, List.of());

    private final Mistakes mistakes;
    private final ZoneId councilZone;
    private final int thisYear;

    FacilityReader(Mistakes mistakes, ZoneId councilZone, int thisYear) {
        this.mistakes = mistakes;
        this.councilZone = councilZone;
        this.thisYear = thisYear;
    }

    List<Facility> facilities(Fields catalogue) {
        List<Facility> facilities = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Fields.Item item : catalogue.list("facilities", false, 100, "facilities")) {
            Fields facility = Fields.of(item.value(), item.path(), mistakes, "a facility", FACILITY);
            if (facility == null) {
                continue;
            }
            int before = mistakes.count();
            String id = facility.id("id");
            facility.unique("id", id, ids, "facility");
            String name = facility.text("name", CatalogFileReader.NAME);
            String kind = facility.text("kind", 60);
            String summary = facility.text("summary", 300);
            String description = facility.text("description", 2000);
            String address = facility.text("address", 200);
            Long capacity = facility.whole("capacity", 1, 100_000);
            List<String> features = facility.texts("features", 200, 30);
            List<String> accessibility = facility.texts("accessibility", 200, 30);
            List<Photo> photos = photos(facility);
            ZoneId zone = facility.has("timeZone") ? facility.zone("timeZone") : councilZone;
            Map<DayOfWeek, OpeningHours> hours = openingHours(facility);
            BookingRules rules = rules(facility);
            if (mistakes.count() == before) {
                facilities.add(new Facility(id, name, kind, summary, description, address, capacity.intValue(), features,
                        accessibility, photos, zone.getId(), hours, rules, facilities.size() + 1));
            }
        }
        return facilities;
    }

    private List<Photo> photos(Fields facility) {
        List<Photo> photos = new ArrayList<>();
        for (Fields.Item item : facility.list("photos", false, 10, "photos")) {
            Fields photo = Fields.of(item.value(), item.path(), mistakes, "a photo", PHOTO);
            if (photo == null) {
                continue;
            }
            String url = photo.text("url", 500);
            if (url != null && !url.startsWith("https://")) {
                photo.mistake("url", "\"" + url + "\" is not an https:// address: the portal shows photos only from secure addresses");
            }
            String alt = photo.text("alt", 200);
            photos.add(new Photo(url, alt));
        }
        return photos;
    }

    /** One span a day, e.g. {@code monday: 08:00-23:00}; a day left out is closed. */
    private Map<DayOfWeek, OpeningHours> openingHours(Fields facility) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        Fields days = facility.object("openingHours", true, "opening hours", DAYS);
        if (days == null) {
            return hours;
        }
        int before = mistakes.count();
        for (Map.Entry<String, DayOfWeek> day : Fields.DAYS.entrySet()) {
            if (!days.has(day.getKey())) {
                continue;
            }
            String written = days.raw(day.getKey()).isTextual() ? days.raw(day.getKey()).asText() : null;
            try {
                OpeningSpan span = OpeningSpan.parse(String.valueOf(written));
                if (!span.closesAtEndOfDay()) {
                    hours.put(day.getValue(), new OpeningHours(span.opens(), span.closes()));
                    continue;
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                // reported below, with what to write instead
            }
            days.mistake(day.getKey(), Fields.shown(days.raw(day.getKey())) + " is not a day's opening hours: write opening-closing"
                    + " on the 24-hour clock, closing by 23:59, for example 08:00-23:00");
        }
        if (hours.isEmpty() && mistakes.count() == before) {
            facility.mistake("openingHours", "the facility opens on no day: give the hours of at least one, for example monday: 08:00-17:00");
        }
        return hours;
    }

    private BookingRules rules(Fields facility) {
        Fields rules = facility.object("rules", true, "booking rules", RULES);
        if (rules == null) {
            return null;
        }
        int before = mistakes.count();
        Long slot = granules(rules, "slotMinutes", SlotGrid.GRANULE_MINUTES);
        Long shortest = rules.whole("minMinutes", SlotGrid.GRANULE_MINUTES, 24 * 60);
        Long longest = rules.whole("maxMinutes", SlotGrid.GRANULE_MINUTES, 24 * 60);
        Long minNotice = rules.whole("minNoticeHours", 0, 366 * 24);
        Long maxNotice = rules.whole("maxNoticeDays", 1, 2 * 366);
        Long bufferBefore = rules.has("bufferBeforeMinutes") ? granules(rules, "bufferBeforeMinutes", 0) : 0L;
        Long bufferAfter = rules.has("bufferAfterMinutes") ? granules(rules, "bufferAfterMinutes", 0) : 0L;
        boolean approval = rules.flag("approvalRequired", false);
        // A booking awaiting approval is held this long: none at all would let it lapse as it is made.
        Long hold = rules.whole("holdHours", approval ? 1 : 0, 30 * 24, approval);
        Long cutoff = rules.whole("changeCutoffHours", 0, 366 * 24);
        Long occurrences = rules.whole("maxOccurrences", 1, 104);
        if (slot != null && shortest != null && shortest < slot) {
            rules.mistake("minMinutes", shortest + " is shorter than a slot (slotMinutes " + slot + "): the shortest booking is one slot or more");
        }
        if (shortest != null && longest != null && longest < shortest) {
            rules.mistake("maxMinutes", longest + " is shorter than the shortest booking (minMinutes " + shortest + ")");
        }
        if (longest != null && bufferBefore != null && bufferAfter != null
                && SlotGrid.granules((int) (longest + bufferBefore + bufferAfter)) > SlotGrid.MAX_LOCKS_PER_OCCURRENCE) {
            rules.mistake("maxMinutes", "the longest booking with its buffers (" + (longest + bufferBefore + bufferAfter)
                    + " minutes) is longer than a day: shorten it or its buffers");
        }
        Fee fee = fee(rules);
        List<Blackout> blackouts = blackouts(rules);
        if (mistakes.count() > before) {
            return null;
        }
        // The rules check themselves too; anything they refuse that the checks above let through is told at the rules.
        return CatalogFileReader.checked(mistakes, rules, () -> new BookingRules(slot.intValue(), shortest.intValue(),
                longest.intValue(), minNotice.intValue(), maxNotice.intValue(), bufferBefore.intValue(), bufferAfter.intValue(),
                blackouts, approval, hold == null ? 0 : hold.intValue(), cutoff.intValue(), fee, occurrences.intValue()));
    }

    /** Minutes on the lock grid: a multiple of its granule, up to 24 hours. */
    private static Long granules(Fields rules, String name, long min) {
        Long minutes = rules.whole(name, min, 24 * 60);
        if (minutes != null && minutes % SlotGrid.GRANULE_MINUTES != 0) {
            rules.mistake(name, minutes + " is not a multiple of " + SlotGrid.GRANULE_MINUTES
                    + " minutes: bookings and their buffers line up on a " + SlotGrid.GRANULE_MINUTES + "-minute grid");
            return null;
        }
        return minutes;
    }

    /** In cents, GST inclusive; a facility with no fee is free. */
    private Fee fee(Fields rules) {
        Fields fee = rules.object("fee", false, "a fee", FEE);
        if (fee == null) {
            return FREE;
        }
        Long hourly = fee.whole("hourlyRateCents", 0, 1_000_000);
        Long bond = fee.whole("bondCents", 0, 10_000_000);
        List<Concession> concessions = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Fields.Item item : fee.list("concessions", false, 10, "concessions")) {
            Fields concession = Fields.of(item.value(), item.path(), mistakes, "a concession", CONCESSION);
            if (concession == null) {
                continue;
            }
            String id = concession.id("id");
            concession.unique("id", id, ids, "concession of this fee");
            String label = concession.text("label", CatalogFileReader.NAME);
            Long percentOff = concession.whole("percentOff", 1, 100);
            concessions.add(new Concession(id, label, percentOff == null ? 0 : percentOff.intValue()));
        }
        return new Fee(hourly == null ? 0 : hourly, bond == null ? 0 : bond, concessions, fee.flag("payOnline", false));
    }

    /**
     * Times a facility cannot be booked: between dates, on days every year ({@code yearly}, written out for each
     * of its years), on weekdays ({@code weekly}), all day or between times.
     */
    private List<Blackout> blackouts(Fields rules) {
        List<Blackout> blackouts = new ArrayList<>();
        for (Fields.Item item : rules.list("blackouts", false, 50, "closures")) {
            Fields blackout = Fields.of(item.value(), item.path(), mistakes, "a closure", BLACKOUT);
            if (blackout == null) {
                continue;
            }
            String reason = blackout.text("reason", CatalogFileReader.NAME);
            Set<DayOfWeek> weekly = weekdays(blackout);
            LocalTime start = blackout.time("startTime");
            LocalTime end = blackout.time("endTime");
            if (blackout.has("startTime") != blackout.has("endTime")) {
                blackout.mistake(blackout.has("startTime") ? "endTime" : "startTime",
                        "is missing: give both startTime and endTime, or neither to close the whole day");
            } else if (start != null && end != null && !start.isBefore(end)) {
                blackout.mistake("endTime", end + " is not after startTime " + start + ": a closure ends after it starts, on the same day");
            }
            if (blackout.has("yearly")) {
                yearly(blackout).forEach(dates -> blackouts.add(new Blackout(reason, dates.from(), dates.until(), weekly, start, end)));
                continue;
            }
            LocalDate from = blackout.date("from");
            LocalDate until = blackout.date("until");
            if (!blackout.has("from") && !blackout.has("weekly")) {
                blackout.mistake("from", "is missing: a closure is between dates (from, until), on days every year (yearly), or on weekdays (weekly)");
            }
            if (from != null && until != null && until.isBefore(from)) {
                blackout.mistake("until", until + " is before from " + from + ": a closure ends on or after the day it starts");
            }
            // Between dates, one date alone is that day; weekly, from and until only bound the weeks.
            blackouts.add(new Blackout(reason, from, until == null && weekly.isEmpty() ? from : until, weekly, start, end));
        }
        return blackouts;
    }

    private record Dates(LocalDate from, LocalDate until) {
    }

    /** {@code yearly: {from: 12-24, until: 01-02, years: this year to this year + 1}}: an until before from ends the next year. */
    private List<Dates> yearly(Fields blackout) {
        for (String bound : List.of("from", "until")) {
            if (blackout.has(bound)) {
                blackout.mistake(bound, "a closure is yearly or between dates, not both: leave out " + bound + ", or yearly");
            }
        }
        Fields yearly = blackout.object("yearly", true, "days every year", YEARLY);
        if (yearly == null) {
            return List.of();
        }
        MonthDay from = yearly.monthDay("from");
        MonthDay until = yearly.monthDay("until");
        List<Integer> years = yearly.years("years", thisYear);
        if (from == null || until == null) {
            return List.of();
        }
        return years.stream().map(year -> new Dates(from.atYear(year), until.atYear(until.isBefore(from) ? year + 1 : year))).toList();
    }

    private Set<DayOfWeek> weekdays(Fields blackout) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Fields.Item item : blackout.list("weekly", false, 7, "weekdays")) {
            DayOfWeek day = item.value().isTextual() ? Fields.DAYS.get(item.value().asText()) : null;
            if (day == null) {
                mistakes.add(item.path(), Fields.shown(item.value()) + " is not a weekday; write one of " + String.join(", ", DAYS));
            } else if (!days.add(day)) {
                mistakes.add(item.path(), item.value().asText() + " is listed twice; keep one");
            }
        }
        return days;
    }
}

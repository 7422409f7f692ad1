package io.civicdesk.bookings;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.requests.Contact;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every booking rule, one at a time, against a hall open 8am–10pm except Sundays. "Now" is Monday 2 November 2026, 9am Perth. */
class RuleCheckTest {
    static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    static final Instant NOW = LocalDate.of(2026, 11, 2).atTime(9, 0).atZone(PERTH).toInstant();
    static final LocalDate SATURDAY = LocalDate.of(2026, 11, 14);

    static Facility hall(BookingRules rules) {
        Map<DayOfWeek, Facility.OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                hours.put(day, new Facility.OpeningHours(LocalTime.of(8, 0), LocalTime.of(22, 0)));
            }
        }
        return new Facility("hall", "Test Hall", "Hall", "", "", "1 Test St", 100, List.of(), List.of(), List.of(),
                "Australia/Perth", hours, rules, 1);
    }

    static BookingRules rules() {
        return new BookingRules(30, 60, 300, 48, 90, 30, 30,
                List.of(BookingRules.Blackout.oneOff("the council election", LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 21)),
                        BookingRules.Blackout.weekly("cleaning", Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(10, 0))),
                false, 0, 72, new BookingRules.Fee(5000, 20000, List.of(new BookingRules.Concession("group", "Community group", 50))), 10);
    }

    static BookingRequest request(LocalDate date, String start, String end) {
        return new BookingRequest("hall", date, LocalTime.parse(start), LocalTime.parse(end), 1, "Party", 50,
                new Contact("Alex", "alex@example.com", null), null, true);
    }

    static List<FieldError> errors(BookingRequest request) {
        Refusal e = assertThrows(Refusal.class, () -> RuleCheck.check(hall(rules()), request, NOW, RuleCheck.Asker.RESIDENT));
        assertEquals(400, e.status());
        return e.errors();
    }

    static void assertError(BookingRequest request, String field, String words) {
        List<FieldError> errors = errors(request);
        assertTrue(errors.stream().anyMatch(e -> e.field().equals(field) && e.message().contains(words)), errors.toString());
    }

    @Test
    void aValidSaturdayAfternoonGivesOneOccurrenceInPerthTime() {
        List<Occurrence> occurrences = RuleCheck.check(hall(rules()), request(SATURDAY, "13:00", "17:00"), NOW, RuleCheck.Asker.RESIDENT);
        assertEquals(List.of(new Occurrence(Instant.parse("2026-11-14T05:00:00Z"), Instant.parse("2026-11-14T09:00:00Z"))), occurrences);
    }

    @Test
    void endBeforeStartIsRefused() {
        assertError(request(SATURDAY, "17:00", "13:00"), "end", "after the start");
        assertError(request(SATURDAY, "13:00", "13:00"), "end", "after the start");
    }

    @Test
    void timesOutsideOpeningHoursAreRefused() {
        assertError(request(SATURDAY, "07:00", "09:00"), "start", "open from 8am to 10pm");
        assertError(request(SATURDAY, "20:00", "23:00"), "end", "open from 8am to 10pm");
    }

    @Test
    void aClosedDayIsRefused() {
        assertError(request(LocalDate.of(2026, 11, 15), "13:00", "15:00"), "date", "closed on Sundays");
    }

    @Test
    void tooShortAndTooLongAreRefused() {
        assertError(request(SATURDAY, "13:00", "13:30"), "end", "at least 1 hour");
        assertError(request(SATURDAY, "08:00", "14:00"), "end", "at most 5 hours");
    }

    @Test
    void timesOffTheSlotGridAreRefused() {
        assertError(request(SATURDAY, "13:15", "15:00"), "start", "30-minute boundary");
    }

    @Test
    void tooLittleAndTooMuchNoticeAreRefused() {
        assertError(request(LocalDate.of(2026, 11, 3), "13:00", "15:00"), "date", "at least 2 days ahead");
        assertError(request(LocalDate.of(2027, 3, 6), "13:00", "15:00"), "date", "up to 90 days ahead");
        // Staff booking for a caller skip the notice rule, not the others.
        RuleCheck.check(hall(rules()), request(LocalDate.of(2026, 11, 3), "13:00", "15:00"), NOW, RuleCheck.Asker.STAFF);
    }

    @Test
    void attendanceOverCapacityIsRefused() {
        BookingRequest crowd = new BookingRequest("hall", SATURDAY, LocalTime.of(13, 0), LocalTime.of(15, 0), 1, "Party", 101,
                new Contact("Alex", "alex@example.com", null), null, true);
        assertError(crowd, "attendance", "holds at most 100 people");
    }

    @Test
    void oneOffAndRepeatingBlackoutsAreRefused() {
        assertError(request(LocalDate.of(2026, 11, 21), "13:00", "15:00"), "start", "the council election");
        assertError(request(LocalDate.of(2026, 11, 9), "09:00", "11:00"), "start", "cleaning");
        RuleCheck.check(hall(rules()), request(LocalDate.of(2026, 11, 9), "10:00", "12:00"), NOW, RuleCheck.Asker.RESIDENT);
    }

    @Test
    void aSeriesLongerThanTheFacilityAllowsIsRefusedAndEachBadDateIsNamed() {
        BookingRequest eleven = new BookingRequest("hall", SATURDAY, LocalTime.of(13, 0), LocalTime.of(15, 0), 11, "Class", 20,
                new Contact("Alex", "alex@example.com", null), null, true);
        assertError(eleven, "occurrences", "at most 10 weekly bookings");
        BookingRequest overElection = new BookingRequest("hall", LocalDate.of(2026, 11, 7), LocalTime.of(13, 0), LocalTime.of(15, 0), 3,
                "Class", 20, new Contact("Alex", "alex@example.com", null), null, true);
        assertError(overElection, "start", "Saturday 21 November 2026");
    }

    @Test
    void anUnknownConcessionIsRefused() {
        BookingRequest request = new BookingRequest("hall", SATURDAY, LocalTime.of(13, 0), LocalTime.of(15, 0), 1, "Party", 50,
                new Contact("Alex", "alex@example.com", null), "students", true);
        assertError(request, "concession", "concessions listed");
    }

    @Test
    void cancellingAfterTheCutOffIsRefused() {
        Facility hall = hall(rules());
        Booking booking = new Booking(new io.civicdesk.requests.Reference("K7MP3QXR"), Booking.BOOKING, "hall", "Test Hall",
                BookingStatus.CONFIRMED, List.of(new Occurrence(NOW.plusSeconds(3600 * 48), NOW.plusSeconds(3600 * 50))), "Party",
                10, Contact.NONE, null, false, null, null, "online", null, NOW, null, null, null, 0, 1);
        Refusal e = assertThrows(Refusal.class, () -> RuleCheck.requireBeforeCutoff(hall, booking, NOW, "cancelled"));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("3 days before"), e.getMessage());
        RuleCheck.requireBeforeCutoff(hall, booking, NOW.minusSeconds(3600 * 24), "cancelled");
    }

    @Test
    void theQuoteChargesPerHourTakesTheConcessionOffTheHireAndAddsTheBond() {
        List<Occurrence> two = List.of(new Occurrence(NOW, NOW.plusSeconds(3 * 3600)), new Occurrence(NOW.plusSeconds(86400 * 7),
                NOW.plusSeconds(86400 * 7 + 5400)));
        Quote quote = Quote.of(rules().fee(), two, rules().fee().concession("group").orElseThrow());
        assertEquals(4.5, quote.hours());
        assertEquals(22500, quote.hireFeeCents());
        assertEquals(11250, quote.discountCents());
        assertEquals(11250 + 20000, quote.totalCents());
    }

    @Test
    void locksCoverTheBookingAndItsBuffersOnTheFifteenMinuteGrid() {
        Occurrence o = new Occurrence(Instant.parse("2026-11-14T05:00:00Z"), Instant.parse("2026-11-14T06:00:00Z"));
        List<String> keys = o.lockKeys(rules());
        assertEquals(8, keys.size());
        assertEquals("2026-11-14T04:30Z", keys.get(0));
        assertEquals("2026-11-14T06:15Z", keys.get(7));
        assertTrue(o.isBuffer("2026-11-14T04:45Z"));
        assertTrue(!o.isBuffer("2026-11-14T05:00Z"));
        assertTrue(o.isBuffer("2026-11-14T06:00Z"));
    }

    @Test
    void rulesThatCannotBeLockedSafelyAreRejectedWhenDefined() {
        assertThrows(IllegalArgumentException.class, () -> new BookingRules(20, 60, 120, 0, 10, 0, 0, List.of(), false, 0, 0,
                new BookingRules.Fee(0, 0, List.of()), 1));
        assertThrows(IllegalArgumentException.class, () -> new BookingRules(60, 60, 1440, 0, 10, 60, 0, List.of(), false, 0, 0,
                new BookingRules.Fee(0, 0, List.of()), 1));
    }
}

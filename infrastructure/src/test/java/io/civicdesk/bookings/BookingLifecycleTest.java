package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.Reference;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A booking's life against the whole local stack: confirmation mail with its calendar file, change, cancel by
 * the private link, holds approved / declined / expired by supervisors and the schedule, weekly series all or
 * nothing (in one transaction and in chunks), staff block-outs, on-behalf bookings and the feed.
 */
@DependsOnTheDate
class BookingLifecycleTest {
    private static Api api;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
    }

    private static JsonNode book(Map<String, Object> body) {
        Api.Reply reply = api.post("/bookings", Json.write(body), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static String key(JsonNode receipt) {
        String link = receipt.path("privateLink").asText();
        return link.substring(link.indexOf("#key=") + 5);
    }

    private static Map<String, String> ics(Message mail) {
        assertEquals(1, mail.attachments().size(), "one calendar file");
        var attachment = mail.attachments().get(0);
        assertTrue(attachment.contentType().startsWith("text/calendar"), attachment.contentType());
        String text = new String(attachment.content(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n"), "CRLF line ends");
        Map<String, String> properties = new HashMap<>();
        for (String line : text.replace("\r\n ", "").split("\r\n")) {
            int colon = line.indexOf(':');
            properties.putIfAbsent(line.substring(0, colon), line.substring(colon + 1));
        }
        for (String required : List.of("BEGIN", "VERSION", "PRODID", "METHOD", "UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "END")) {
            assertTrue(properties.containsKey(required), required + " missing from\n" + text);
        }
        assertEquals("2.0", properties.get("VERSION"));
        return properties;
    }

    private static String utc(String instant) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.parse(instant));
    }

    private static Message awaitMail(String to, String subjectPart) {
        return io.civicdesk.testing.Mailbox.awaitMailTo(to, mail -> mail.subject().contains(subjectPart));
    }

    @Test
    void theConfirmationCarriesAValidCalendarFileAndAChangeBumpsItsSequenceAndACancelRemovesIt() {
        String email = "ics+" + UUID.randomUUID() + "@example.com";
        LocalDate date = BookingFixtures.weekday("karri-meeting-room", DayOfWeek.MONDAY, 3);
        JsonNode receipt = book(BookingFixtures.booking("karri-meeting-room", date, "10:00", "11:30", email));
        String reference = receipt.path("reference").asText();
        JsonNode occurrence = receipt.path("occurrences").get(0);

        Message confirmation = awaitMail(email, "confirmed");
        assertTrue(confirmation.text().contains(receipt.path("displayReference").asText()));
        Map<String, String> ics = ics(confirmation);
        assertEquals("REQUEST", ics.get("METHOD"));
        assertEquals(reference + "-1@bookings.civicdesk", ics.get("UID"));
        assertEquals(utc(occurrence.path("startsAt").asText()), ics.get("DTSTART"));
        assertEquals(utc(occurrence.path("endsAt").asText()), ics.get("DTEND"));
        assertEquals(date.atTime(2, 0).toString().substring(0, 10).replace("-", "") + "T020000Z", ics.get("DTSTART"),
                "10am in Perth is 2am UTC");
        assertEquals("0", ics.get("SEQUENCE"));

        Api.Reply changed = api.post("/bookings/" + reference + "/change", Json.write(Map.of("date", date.toString(),
                "start", "14:00", "end", "15:00")), Map.of("X-Private-Key", key(receipt)));
        assertEquals(200, changed.status(), changed.body());
        Map<String, String> update = ics(awaitMail(email, "changed"));
        assertEquals("1", update.get("SEQUENCE"));
        assertEquals(ics.get("UID"), update.get("UID"));
        assertEquals(date.toString().replace("-", "") + "T060000Z", update.get("DTSTART"));
        List<String> keys = BookingFixtures.locksOn("karri-meeting-room", date).stream()
                .filter(l -> l.bookingRef().equals(reference)).map(Bookings.HeldLock::key).toList();
        assertEquals(SlotGrid.keys(Instant.parse(changed.json().path("occurrences").get(0).path("startsAt").asText()),
                Instant.parse(changed.json().path("occurrences").get(0).path("endsAt").asText())), keys, "the old time was released");

        Api.Reply wrongKey = api.post("/bookings/" + reference + "/cancel", "{}", Map.of("X-Private-Key", "not-the-key"));
        assertEquals(403, wrongKey.status());
        Api.Reply publicView = api.get("/bookings/" + reference);
        assertFalse(publicView.body().contains(email), "no personal details without the key");

        Api.Reply cancelled = api.post("/bookings/" + reference + "/cancel", "{}", Map.of("X-Private-Key", key(receipt)));
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().path("status").asText());
        Map<String, String> removal = ics(awaitMail(email, "cancelled"));
        assertEquals("CANCEL", removal.get("METHOD"));
        assertEquals("2", removal.get("SEQUENCE"));
        assertTrue(BookingFixtures.locksOn("karri-meeting-room", date).stream().noneMatch(l -> l.bookingRef().equals(reference)),
                "cancelling releases exactly its locks");
        assertEquals(409, api.post("/bookings/" + reference + "/cancel", "{}", Map.of("X-Private-Key", key(receipt))).status());
    }

    @Test
    void badInputIsA4xxNamingTheFieldAndBooksNothing() {
        LocalDate date = BookingFixtures.weekday("karri-meeting-room", DayOfWeek.SATURDAY, 4);
        Map<String, Object> tooMany = BookingFixtures.booking("karri-meeting-room", date, "10:00", "11:00", "bad@example.com");
        tooMany.put("attendance", 13);
        Api.Reply reply = api.post("/bookings", Json.write(tooMany), Map.of());
        assertEquals(400, reply.status());
        assertTrue(reply.error("attendance").contains("at most 12"), reply.body());
        Map<String, Object> backwards = BookingFixtures.booking("karri-meeting-room", date, "11:00", "10:00", "bad@example.com");
        assertTrue(api.post("/bookings", Json.write(backwards), Map.of()).error("end").contains("after the start"));
        Map<String, Object> noTerms = BookingFixtures.booking("karri-meeting-room", date, "10:00", "11:00", "bad@example.com");
        noTerms.put("termsAccepted", false);
        assertTrue(api.post("/bookings", Json.write(noTerms), Map.of()).error("termsAccepted") != null);
        assertTrue(BookingFixtures.locksOn("karri-meeting-room", date).isEmpty());
        assertEquals(404, api.get("/facilities/no-such-hall").status());
    }

    @Test
    void aHeldRequestKeepsItsSlotsUntilASupervisorApprovesOrDeclinesWithAReason() {
        LocalDate date = BookingFixtures.weekday("melaleuca-oval", DayOfWeek.SATURDAY, 3);
        String email = "hold+" + UUID.randomUUID() + "@example.com";
        JsonNode held = book(BookingFixtures.booking("melaleuca-oval", date, "09:00", "12:00", email));
        assertEquals("held", held.path("status").asText());
        awaitMail(email, "We have your booking request");
        Api.Reply clash = api.post("/bookings", Json.write(BookingFixtures.booking("melaleuca-oval", date, "11:00", "13:00", "other@example.com")), Map.of());
        assertEquals(409, clash.status(), "the hold keeps the slots: " + clash.body());

        String reference = held.path("reference").asText();
        APIGatewayV2HTTPResponse holds = BookingFixtures.staff("GET /staff/bookings/holds", Map.of(), null, BookingFixtures.supervisor());
        assertEquals(200, holds.getStatusCode());
        assertTrue(holds.getBody().contains(reference));
        APIGatewayV2HTTPResponse byOfficer = BookingFixtures.staff("POST /staff/bookings/{reference}/approve",
                Map.of("reference", reference), Map.of(), BookingFixtures.officer());
        assertEquals(403, byOfficer.getStatusCode(), "officers do not approve");
        APIGatewayV2HTTPResponse approved = BookingFixtures.staff("POST /staff/bookings/{reference}/approve",
                Map.of("reference", reference), Map.of(), BookingFixtures.supervisor());
        assertEquals(200, approved.getStatusCode(), approved.getBody());
        assertTrue(approved.getBody().contains("\"status\":\"confirmed\""));
        assertEquals("REQUEST", ics(awaitMail(email, "approved")).get("METHOD"));

        String email2 = "decline+" + UUID.randomUUID() + "@example.com";
        JsonNode second = book(BookingFixtures.booking("melaleuca-oval", date, "14:00", "16:00", email2));
        String ref2 = second.path("reference").asText();
        APIGatewayV2HTTPResponse noReason = BookingFixtures.staff("POST /staff/bookings/{reference}/decline",
                Map.of("reference", ref2), Map.of(), BookingFixtures.supervisor());
        assertEquals(400, noReason.getStatusCode());
        APIGatewayV2HTTPResponse declined = BookingFixtures.staff("POST /staff/bookings/{reference}/decline",
                Map.of("reference", ref2), Map.of("reason", "the oval is being re-turfed"), BookingFixtures.supervisor());
        assertEquals(200, declined.getStatusCode(), declined.getBody());
        assertTrue(awaitMail(email2, "declined").text().contains("the oval is being re-turfed"));
        assertTrue(BookingFixtures.locksOn("melaleuca-oval", date).stream().noneMatch(l -> l.bookingRef().equals(ref2)));
        book(BookingFixtures.booking("melaleuca-oval", date, "14:00", "16:00", "next@example.com"));
    }

    @Test
    void aHoldNobodyAnswersExpiresOnTheScheduleAndReleasesItsSlots() {
        LocalDate date = BookingFixtures.weekday("melaleuca-oval", DayOfWeek.SUNDAY, 3);
        String email = "expire+" + UUID.randomUUID() + "@example.com";
        JsonNode held = book(BookingFixtures.booking("melaleuca-oval", date, "09:00", "11:00", email));
        String reference = held.path("reference").asText();
        assertFalse(BookingFixtures.locksOn("melaleuca-oval", date).isEmpty());
        BookingFixtures.servicesAt(Duration.ZERO).sweeps.expireHolds();
        assertEquals(BookingStatus.HELD, BookingFixtures.store().find(new Reference(reference)).orElseThrow().status(), "not yet due");
        BookingSweeps.Outcome outcome = BookingFixtures.servicesAt(Duration.ofHours(73)).sweeps.expireHolds();
        assertTrue(outcome.expired() >= 1);
        assertEquals(BookingStatus.EXPIRED, BookingFixtures.store().find(new Reference(reference)).orElseThrow().status());
        assertTrue(BookingFixtures.locksOn("melaleuca-oval", date).stream().noneMatch(l -> l.bookingRef().equals(reference)));
        awaitMail(email, "lapsed");
    }

    @Test
    void aWeeklySeriesIsBookedWholeOrNotAtAllNamingEveryDateThatClashes() {
        LocalDate first = BookingFixtures.openFor("karri-meeting-room", DayOfWeek.TUESDAY, 3, Period.ofWeeks(5));
        Map<String, Object> series = BookingFixtures.booking("karri-meeting-room", first, "18:00", "20:00", "series@example.com");
        series.put("occurrences", 5);
        JsonNode booked = book(series);
        assertEquals(5, booked.path("occurrences").size());

        // Another series from two weeks earlier, over weeks 1 to 4 of it: nothing is booked, and all 4 dates are named.
        Map<String, Object> clashing = BookingFixtures.booking("karri-meeting-room", first, "19:00", "20:00", "clash@example.com");
        clashing.put("date", first.minusWeeks(2).toString());
        clashing.put("occurrences", 6);
        Api.Reply reply = api.post("/bookings", Json.write(clashing), Map.of());
        assertEquals(409, reply.status(), reply.body());
        List<String> messages = new ArrayList<>();
        reply.json().path("errors").forEach(e -> messages.add(e.path("message").asText()));
        assertEquals(4, messages.size(), "weeks 1 to 4 of the first series clash: " + messages);
        assertTrue(reply.json().path("message").asText().startsWith("Nothing was booked"));
        for (int week = 0; week < 2; week++) {
            LocalDate free = first.minusWeeks(2).plusWeeks(week);
            assertTrue(BookingFixtures.locksOn("karri-meeting-room", free).isEmpty(), "nothing half-booked on " + free);
        }
    }

    @Test
    void aSeriesTooBigForOneTransactionIsClaimedInChunksAndRolledBackWholeWhenALaterDateClashes() {
        LocalDate first = BookingFixtures.openFor("banksia-hall", DayOfWeek.WEDNESDAY, 6, Period.ofWeeks(6));
        // 10am–10pm plus 30 minutes either side: 52 locks a week, so three weeks need two transactions of locks.
        Map<String, Object> blocker = BookingFixtures.booking("banksia-hall", first.plusWeeks(2), "18:00", "21:00", "blocker@example.com");
        book(blocker);
        Map<String, Object> series = BookingFixtures.booking("banksia-hall", first, "10:00", "22:00", "long@example.com");
        series.put("occurrences", 3);
        Api.Reply reply = api.post("/bookings", Json.write(series), Map.of());
        assertEquals(409, reply.status(), reply.body());
        assertTrue(reply.body().contains(io.civicdesk.platform.Dates.spoken(first.plusWeeks(2))), reply.body());
        assertTrue(BookingFixtures.locksOn("banksia-hall", first).isEmpty(), "the first chunk was rolled back");
        assertTrue(BookingFixtures.locksOn("banksia-hall", first.plusWeeks(1)).isEmpty());

        series.put("date", first.plusWeeks(3).toString());
        JsonNode booked = book(series);
        assertEquals(3, booked.path("occurrences").size());
        assertEquals(52, BookingFixtures.locksOn("banksia-hall", first.plusWeeks(5)).size());
        assertEquals(BookingStatus.CONFIRMED, BookingFixtures.store().find(new Reference(booked.path("reference").asText())).orElseThrow().status());
    }

    @Test
    void staffBlockOutDatesBookForACallerCancelWithAReasonAndSeeTheCalendarAndFeed() {
        LocalDate date = BookingFixtures.openFor("wattle-hall", DayOfWeek.THURSDAY, 7, Period.ofDays(2));
        APIGatewayV2HTTPResponse blocked = BookingFixtures.staff("POST /staff/facilities/{facilityId}/blackouts",
                Map.of("facilityId", "wattle-hall"), Map.of("date", date.toString(), "reason", "floor resurfacing"), BookingFixtures.supervisor());
        assertEquals(201, blocked.getStatusCode(), blocked.getBody());
        Api.Reply refused = api.post("/bookings", Json.write(BookingFixtures.booking("wattle-hall", date, "10:00", "12:00", "x@example.com")), Map.of());
        assertEquals(409, refused.status());

        Map<String, Object> phoned = BookingFixtures.booking("wattle-hall", date.plusDays(1), "10:00", "12:00", "caller@example.com");
        phoned.remove("termsAccepted");
        APIGatewayV2HTTPResponse onBehalf = BookingFixtures.staff("POST /staff/bookings", Map.of(), phoned, BookingFixtures.officer());
        assertEquals(201, onBehalf.getStatusCode(), onBehalf.getBody());
        String reference = Json.parseBody(onBehalf.getBody()).path("reference").asText();

        APIGatewayV2HTTPResponse calendar = BookingFixtures.staff("GET /staff/facilities/{facilityId}/calendar",
                Map.of("facilityId", "wattle-hall"), null, BookingFixtures.officer());
        assertEquals(200, calendar.getStatusCode(), calendar.getBody());
        APIGatewayV2HTTPResponse link = BookingFixtures.staff("POST /staff/facilities/{facilityId}/feed-links",
                Map.of("facilityId", "wattle-hall"), Map.of(), BookingFixtures.supervisor());
        assertEquals(201, link.getStatusCode(), link.getBody());
        String feedPath = Json.parseBody(link.getBody()).path("feedPath").asText();
        Api.Reply feed = api.get(feedPath);
        assertEquals(200, feed.status(), feed.body());
        assertTrue(feed.body().contains("METHOD:PUBLISH") && feed.body().contains(reference + "-1@bookings.civicdesk")
                && feed.body().contains("Blocked: floor resurfacing"), feed.body());
        assertFalse(feed.body().contains("caller@example.com"), "no personal details in the feed");
        assertEquals(404, api.get("/facility-feeds/not-a-real-token.ics").status());

        APIGatewayV2HTTPResponse cancelled = BookingFixtures.staff("POST /staff/bookings/{reference}/cancel",
                Map.of("reference", reference), Map.of("reason", "the caller phoned to cancel"), BookingFixtures.officer());
        assertEquals(200, cancelled.getStatusCode(), cancelled.getBody());
        assertTrue(awaitMail("caller@example.com", "cancelled").text().contains("the caller phoned to cancel"));
        APIGatewayV2HTTPResponse anonymous = new StaffBookingsHandler().handleRequest(BookingFixtures.staffEvent(
                "GET /staff/bookings/holds", Map.of(), null, null), null);
        assertEquals(401, anonymous.getStatusCode());
    }

    @Test
    void aResidentCannotCancelAfterTheCutOff() {
        LocalDate date = BookingFixtures.weekday("lakeside-bbq-shelter", DayOfWeek.FRIDAY, 3);
        JsonNode receipt = book(BookingFixtures.booking("lakeside-bbq-shelter", date, "11:00", "13:00", "late@example.com"));
        ResidentBookings later = BookingFixtures.servicesWhen(
                Instant.parse(receipt.path("occurrences").get(0).path("startsAt").asText()).minus(Duration.ofHours(1))).residents;
        Refusal e = assertThrows(Refusal.class, () -> later.cancel(receipt.path("reference").asText(), key(receipt)));
        assertEquals(409, e.status());
        assertNotNull(e.errors().get(0).field());
    }
}

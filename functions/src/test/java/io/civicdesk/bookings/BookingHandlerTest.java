package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.civicdesk.bookings.BookingTestbed.SATURDAY;
import static io.civicdesk.bookings.BookingTestbed.booking;
import static io.civicdesk.bookings.BookingTestbed.event;
import static io.civicdesk.bookings.BookingTestbed.json;
import static io.civicdesk.bookings.BookingTestbed.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The resident's booking routes, on in-memory stores. */
class BookingHandlerTest {
    private final BookingTestbed bed = new BookingTestbed();
    private final BookingHandler handler = new BookingHandler(bed.wiring);

    private APIGatewayV2HTTPResponse book(Map<String, Object> body, String key) {
        return handler.handleRequest(event("POST /bookings", Map.of(), key == null ? Map.of() : Map.of("Idempotency-Key", key), body), null);
    }

    private static String secret(JsonNode receipt) {
        String link = receipt.path("privateLink").asText();
        return link.substring(link.indexOf("#key=") + 5);
    }

    @Test
    void aBookingMadeAnswers201TakesItsSlotsAndMailsTheResident() {
        APIGatewayV2HTTPResponse response = book(booking("hall", SATURDAY, "13:00", "15:00"), "first-try-0001");
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode receipt = json(response);
        assertEquals("confirmed", receipt.path("status").asText());
        assertTrue(receipt.path("privateLink").asText().contains("#key="));
        // Two hours and half an hour either side, in 15-minute granules, in one transaction with the mail.
        assertEquals(12, bed.store.locks.get("hall").size());
        assertEquals(1, bed.store.transactions);
        assertEquals(1, bed.store.mails());
    }

    @Test
    void aBookingKeepsItsResidentsLanguageAndALanguageWeDoNotSpeakAnswers400NamingIt() {
        Map<String, Object> body = booking("hall", SATURDAY, "13:00", "15:00");
        body.put("language", "vi");
        assertEquals(201, book(body, null).getStatusCode());
        assertEquals(io.civicdesk.languages.Language.VIETNAMESE, bed.store.bookings.values().iterator().next().language());
        body.put("language", "xx-YY");
        APIGatewayV2HTTPResponse refused = book(body, null);
        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getBody().contains("\"language\""), refused.getBody());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameReference() {
        Map<String, Object> body = booking("hall", SATURDAY, "13:00", "15:00");
        APIGatewayV2HTTPResponse first = book(body, "retried-key-0001");
        APIGatewayV2HTTPResponse again = book(body, "retried-key-0001");
        assertEquals(201, again.getStatusCode(), again.getBody());
        assertEquals(json(first).path("reference").asText(), json(again).path("reference").asText());
        assertEquals(1, bed.store.bookings.size());
        assertEquals(1, bed.store.mails());
    }

    @Test
    void theSameKeyWithOtherDetailsAnswers422() {
        book(booking("hall", SATURDAY, "13:00", "15:00"), "reused-key-0001");
        assertEquals(422, book(booking("hall", SATURDAY, "16:00", "18:00"), "reused-key-0001").getStatusCode());
    }

    @Test
    void aTimeOutsideOpeningHoursAnswers400NamingTheStart() {
        APIGatewayV2HTTPResponse response = book(booking("hall", SATURDAY, "06:00", "09:00"), null);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertTrue(names(response, "start"), response.getBody());
        assertTrue(bed.store.bookings.isEmpty());
    }

    @Test
    void aMissingPurposeAnswers400NamingIt() {
        Map<String, Object> body = booking("hall", SATURDAY, "13:00", "15:00");
        body.remove("purpose");
        APIGatewayV2HTTPResponse response = book(body, null);
        assertEquals(400, response.getStatusCode());
        assertTrue(names(response, "purpose"), response.getBody());
    }

    @Test
    void aTimeAlreadyTakenAnswers409NamingWhatIsInTheWay() {
        book(booking("hall", SATURDAY, "13:00", "15:00"), "taken-first-0001");
        APIGatewayV2HTTPResponse clash = book(booking("hall", SATURDAY, "15:00", "16:00"), "taken-second-001");
        assertEquals(409, clash.getStatusCode(), clash.getBody());
        assertTrue(names(clash, "start"), clash.getBody());
        assertTrue(json(clash).path("message").asText().contains("already taken"), clash.getBody());
        assertEquals(1, bed.store.bookings.size());
    }

    @Test
    void cancellingWithoutThePrivateLinkKeyAnswers403AndAnUnknownReference404() {
        JsonNode receipt = json(book(booking("hall", SATURDAY, "13:00", "15:00"), null));
        Map<String, String> path = Map.of("reference", receipt.path("reference").asText());
        APIGatewayV2HTTPResponse stranger = handler.handleRequest(event("POST /bookings/{reference}/cancel", path,
                Map.of("X-Private-Key", "not-the-key"), Map.of()), null);
        assertEquals(403, stranger.getStatusCode(), stranger.getBody());
        assertEquals(12, bed.store.locks.get("hall").size(), "nothing released");
        APIGatewayV2HTTPResponse unknown = handler.handleRequest(event("POST /bookings/{reference}/cancel",
                Map.of("reference", "K7MP3QXR"), Map.of("X-Private-Key", secret(receipt)), Map.of()), null);
        assertEquals(404, unknown.getStatusCode(), unknown.getBody());
    }

    @Test
    void cancellingWithThePrivateLinkReleasesExactlyItsSlots() {
        JsonNode receipt = json(book(booking("hall", SATURDAY, "13:00", "15:00"), null));
        Map<String, String> path = Map.of("reference", receipt.path("reference").asText());
        APIGatewayV2HTTPResponse cancelled = handler.handleRequest(event("POST /bookings/{reference}/cancel", path,
                Map.of("X-Private-Key", secret(receipt)), Map.of()), null);
        assertEquals(200, cancelled.getStatusCode(), cancelled.getBody());
        assertEquals("cancelled", json(cancelled).path("status").asText());
        assertTrue(bed.store.locks.get("hall").isEmpty());
        assertEquals(409, handler.handleRequest(event("POST /bookings/{reference}/cancel", path,
                Map.of("X-Private-Key", secret(receipt)), Map.of()), null).getStatusCode());
    }

    @Test
    void aChangeTakesTheNewTimeAndFreesTheOld() {
        JsonNode receipt = json(book(booking("hall", SATURDAY, "13:00", "15:00"), null));
        Map<String, String> path = Map.of("reference", receipt.path("reference").asText());
        APIGatewayV2HTTPResponse changed = handler.handleRequest(event("POST /bookings/{reference}/change", path,
                Map.of("X-Private-Key", secret(receipt)), Map.of("date", SATURDAY.toString(), "start", "17:00", "end", "18:00")), null);
        assertEquals(200, changed.getStatusCode(), changed.getBody());
        assertEquals("17:00", json(changed).path("occurrences").get(0).path("start").asText());
        assertEquals(8, bed.store.locks.get("hall").size(), "an hour and its buffers");
    }

    @Test
    void theViewByReferenceAloneShowsNoPersonalDetails() {
        JsonNode receipt = json(book(booking("hall", SATURDAY, "13:00", "15:00"), null));
        APIGatewayV2HTTPResponse view = handler.handleRequest(event("GET /bookings/{reference}",
                Map.of("reference", receipt.path("reference").asText()), Map.of(), null), null);
        assertEquals(200, view.getStatusCode());
        assertTrue(json(view).path("contact").isMissingNode(), Json.write(json(view)));
    }
}

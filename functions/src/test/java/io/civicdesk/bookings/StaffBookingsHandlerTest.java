package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.civicdesk.bookings.BookingTestbed.SATURDAY;
import static io.civicdesk.bookings.BookingTestbed.booking;
import static io.civicdesk.bookings.BookingTestbed.event;
import static io.civicdesk.bookings.BookingTestbed.json;
import static io.civicdesk.bookings.BookingTestbed.names;
import static io.civicdesk.bookings.BookingTestbed.staffEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff booking routes and the hold-expiry schedule, on in-memory stores. */
class StaffBookingsHandlerTest {
    private final BookingTestbed bed = new BookingTestbed();
    private final StaffBookingsHandler staff = new StaffBookingsHandler(bed.wiring);

    private String heldReference() {
        APIGatewayV2HTTPResponse held = new BookingHandler(bed.wiring).handleRequest(event("POST /bookings", Map.of(), Map.of(),
                booking("pavilion", SATURDAY, "13:00", "15:00")), null);
        assertEquals("held", json(held).path("status").asText(), held.getBody());
        return json(held).path("reference").asText();
    }

    @Test
    void aSupervisorApprovesAHoldAndAnOfficerMayNot() {
        String reference = heldReference();
        APIGatewayV2HTTPResponse byOfficer = staff.handleRequest(staffEvent("POST /staff/bookings/{reference}/approve",
                Map.of("reference", reference), Map.of(), "[officer]"), null);
        assertEquals(403, byOfficer.getStatusCode());
        APIGatewayV2HTTPResponse approved = staff.handleRequest(staffEvent("POST /staff/bookings/{reference}/approve",
                Map.of("reference", reference), Map.of(), "[supervisor]"), null);
        assertEquals(200, approved.getStatusCode(), approved.getBody());
        assertEquals("confirmed", json(approved).path("status").asText());
    }

    @Test
    void theHeldBookingsListShowsTheBookersDetailsAndIsAuditedOnce() {
        String reference = heldReference();
        APIGatewayV2HTTPResponse holds = staff.handleRequest(staffEvent("GET /staff/bookings/holds", Map.of(), Map.of(),
                "[supervisor]"), null);
        assertEquals(200, holds.getStatusCode(), holds.getBody());
        assertEquals(java.util.List.of("booking [" + reference + "]"), bed.audited);
    }

    @Test
    void declineWithoutAReasonAnswers400NamingIt() {
        APIGatewayV2HTTPResponse response = staff.handleRequest(staffEvent("POST /staff/bookings/{reference}/decline",
                Map.of("reference", heldReference()), Map.of(), "[supervisor]"), null);
        assertEquals(400, response.getStatusCode());
        assertTrue(names(response, "reason"), response.getBody());
    }

    @Test
    void anOfficerBooksForACallerWithTheSameAnswerOnARetry() {
        Map<String, Object> body = booking("pavilion", SATURDAY, "13:00", "15:00");
        body.put("contact", Map.of("name", "Caller"));
        body.remove("termsAccepted");
        var event = staffEvent("POST /staff/bookings", Map.of(), body, "[officer]");
        event.getHeaders().put("Idempotency-Key", "phoned-in-0001");
        APIGatewayV2HTTPResponse first = staff.handleRequest(event, null);
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals("confirmed", json(first).path("status").asText(), "staff bookings need no approval");
        assertEquals(json(first).path("reference"), json(staff.handleRequest(event, null)).path("reference"));
    }

    @Test
    void aBlockOutOverABookingAnswers409() {
        heldReference();
        APIGatewayV2HTTPResponse block = staff.handleRequest(staffEvent("POST /staff/facilities/{facilityId}/blackouts",
                Map.of("facilityId", "pavilion"), Map.of("date", SATURDAY.toString(), "reason", "Floor works"), "[supervisor]"), null);
        assertEquals(409, block.getStatusCode(), block.getBody());
    }

    @Test
    void aHoldNobodyAnswersExpiresAndFreesItsSlots() {
        String reference = heldReference();
        BookingSchedulesHandler schedules = new BookingSchedulesHandler(bed.wiring);
        assertEquals(0, ((BookingSweeps.Outcome) schedules.handle(task("expire-holds"))).expired(), "not yet due");
        bed.clock.advance(Duration.ofHours(73));
        assertEquals(1, ((BookingSweeps.Outcome) schedules.handle(task("expire-holds"))).expired());
        assertEquals(BookingStatus.EXPIRED, bed.store.bookings.get(reference).status());
        assertTrue(bed.store.locks.get("pavilion").isEmpty());
    }

    private static JsonNode task(String name) {
        return io.civicdesk.platform.Json.MAPPER.createObjectNode().put("task", name);
    }
}

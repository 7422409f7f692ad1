package io.civicdesk.requests;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DueTest {

    @Test
    void theResponseIsDueOneBusinessDayOfOpeningHoursAfterItArrived() {
        Due due = Due.of(RequestFixtures.received("online"));
        assertEquals(Due.RESPONSE, due.kind());
        // Monday 10:00 + 8.5 business hours (08:30-17:00) = Tuesday 10:00 in Perth.
        assertEquals(LocalDate.parse("2026-11-24"), due.date());
        assertEquals(Instant.parse("2026-11-24T02:00:00Z"), due.at());
    }

    @Test
    void afterTheFirstResponseTheResolutionIsDue() {
        ServiceRequest received = RequestFixtures.received("online");
        Instant at = Instant.parse("2026-11-23T03:00:00Z");
        Due due = Due.of(RequestFixtures.changed(received, "acknowledged", received.handling().withAcknowledgedAt(at), at, false));
        assertEquals(Due.RESOLUTION, due.kind());
        assertEquals(Instant.parse("2026-11-25T02:00:00Z"), due.at());
    }

    @Test
    void nothingIsDueOnceFinished() {
        ServiceRequest received = RequestFixtures.received("online");
        Instant at = Instant.parse("2026-11-23T03:00:00Z");
        assertNull(Due.of(RequestFixtures.changed(received, "resolved",
                received.handling().withAcknowledgedAt(at).withProgress(at, false, at, null, "done"), at, true)));
    }
}

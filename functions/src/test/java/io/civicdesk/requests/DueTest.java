package io.civicdesk.requests;

import io.civicdesk.sla.ExpectedDates;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DueTest {
    private static ServiceRequest request(Handling handling) {
        return new ServiceRequest(new Reference("K7MP3QXR"), "missed-bin", "Missed bin", "waste", "received",
                Instant.parse("2026-11-23T02:00:00Z"), "Australia/Perth",
                new ExpectedDates(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25")), List.of(),
                new Location("1 A St", null, null), null, Contact.NONE, PreferredChannel.NONE, "online", "hash", 1, handling);
    }

    @Test
    void theResponseIsDueUntilAcknowledgedAtTheEndOfThePromisedDayInPerth() {
        Due due = Due.of(request(Handling.received(null)));
        assertEquals(Due.RESPONSE, due.kind());
        assertEquals(LocalDate.parse("2026-11-24"), due.date());
        assertEquals(Instant.parse("2026-11-24T16:00:00Z"), due.at());
    }

    @Test
    void afterAcknowledgementTheResolutionIsDue() {
        Due due = Due.of(request(Handling.received(null).withAcknowledgedAt(Instant.parse("2026-11-23T03:00:00Z"))));
        assertEquals(Due.RESOLUTION, due.kind());
        assertEquals(Instant.parse("2026-11-25T16:00:00Z"), due.at());
    }

    @Test
    void nothingIsDueOnceFinished() {
        Instant now = Instant.parse("2026-11-23T03:00:00Z");
        assertNull(Due.of(request(Handling.received(null).withAcknowledgedAt(now).withProgress(now, false, now, null, "done"))));
    }
}

package io.civicdesk.requests;

import io.civicdesk.reports.FiguresStore;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ExpectedDates;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestFiguresTest {
    private static final Instant SUBMITTED = Instant.parse("2026-11-23T02:00:00Z"); // Monday 10:00 in Perth
    private static final RequestFigures FIGURES = new RequestFigures(new FiguresStore(null, "FiguresTable"),
            () -> new BusinessCalendar("wa", ZoneId.of("Australia/Perth"), BusinessCalendar.MONDAY_TO_FRIDAY, Map.of()));

    private static ServiceRequest request(String status, Handling handling) {
        return new ServiceRequest(new Reference("K7MP3QXR"), "missed-bin", "Missed bin", "waste", status, SUBMITTED,
                "Australia/Perth", new ExpectedDates(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25")), List.of(),
                new Location("1 A St", null, null), null, Contact.NONE, PreferredChannel.NONE, "phone", "hash", 1, handling);
    }

    private static Update only(List<TransactWriteItem> writes) {
        assertEquals(1, writes.size(), "one update of the day's item: a transaction may touch an item once");
        return writes.get(0).update();
    }

    private static Set<String> counters(Update update) {
        return new TreeSet<>(update.expressionAttributeNames().values());
    }

    @Test
    void aLateResolutionWithoutAcknowledgementIsALateResponseAndALateResolutionOnTheCouncilDay() {
        Instant at = Instant.parse("2026-11-25T17:00:00Z"); // Thursday 01:00 in Perth, after both due times
        ServiceRequest before = request("received", Handling.received(null));
        ServiceRequest after = before.changed("resolved", "waste",
                before.handling().withAcknowledgedAt(at).withProgress(at, false, at, null, "Done."));
        Update update = only(FIGURES.changed(before, after, at));
        assertEquals("DAY#2026-11-26#missed-bin", update.key().get("sk").s());
        assertEquals("UNIT#waste", update.key().get("pk").s());
        Set<String> counters = counters(update);
        assertTrue(counters.containsAll(Set.of("responded", "responseBreaches", "resolved", "resolutionBreaches")), counters.toString());
        assertFalse(counters.contains("respondedInTime") || counters.contains("resolvedInTime"), counters.toString());
    }

    @Test
    void anAcknowledgementInTimeCountsOnceAndLaterChangesCountNothing() {
        Instant at = Instant.parse("2026-11-23T03:00:00Z");
        ServiceRequest received = request("received", Handling.received(null));
        ServiceRequest acknowledged = received.changed("acknowledged", "waste", received.handling().withAcknowledgedAt(at));
        Set<String> counters = counters(only(FIGURES.changed(received, acknowledged, at)));
        // An hour of business time (Monday 10:00 to 11:00 in Perth): the responded counters and one sketch bucket.
        assertEquals(3, counters.size(), counters.toString());
        assertTrue(counters.containsAll(Set.of("responded", "respondedInTime")), counters.toString());
        assertTrue(counters.stream().anyMatch(c -> c.startsWith("resp_") && !c.equals("resp_z")), counters.toString());
        ServiceRequest noted = acknowledged.changed("acknowledged", "waste", acknowledged.handling());
        assertEquals(List.of(), FIGURES.changed(acknowledged, noted, at.plusSeconds(60)));
    }

    @Test
    void aRequestResolvedAtFirstContactIsReceivedAnsweredAndResolvedThere() {
        Handling handling = Handling.received(null).withAcknowledgedAt(SUBMITTED)
                .withProgress(SUBMITTED, false, SUBMITTED, null, "Booked.").withResolvedAtFirstContact(true);
        Set<String> counters = counters(only(FIGURES.created(request("resolved", handling))));
        assertEquals(Set.of("received", "ch_phone", "responded", "respondedInTime", "resp_z", "resolved", "resolvedInTime",
                "resol_z", "firstContact"), counters);
    }
}

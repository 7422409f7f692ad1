package io.civicdesk.requests;

import io.civicdesk.figures.FiguresStore;
import org.junit.jupiter.api.Test;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestFiguresTest {
    private static final RequestFigures FIGURES = new RequestFigures(new FiguresStore(null, "FiguresTable"));

    private static Update only(List<Write> writes) {
        assertEquals(1, writes.size(), "one update of the day's item: a transaction may touch an item once");
        return writes.get(0).item().update();
    }

    private static Set<String> counters(Update update) {
        return new TreeSet<>(update.expressionAttributeNames().values());
    }

    @Test
    void aLateResolutionWithoutAcknowledgementIsALateResponseAndALateResolutionOnTheCouncilDay() {
        Instant at = Instant.parse("2026-11-25T17:00:00Z"); // Thursday 01:00 in Perth, after both due times
        ServiceRequest before = RequestFixtures.received("phone");
        ServiceRequest after = RequestFixtures.changed(before, "resolved",
                before.handling().withAcknowledgedAt(at).withProgress(at, false, at, null, "Done."), at, true);
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
        ServiceRequest received = RequestFixtures.received("phone");
        ServiceRequest acknowledged = RequestFixtures.changed(received, "acknowledged",
                received.handling().withAcknowledgedAt(at), at, false);
        Set<String> counters = counters(only(FIGURES.changed(received, acknowledged, at)));
        // An hour of business time (Monday 10:00 to 11:00 in Perth): the responded counters and one sketch bucket.
        assertEquals(3, counters.size(), counters.toString());
        assertTrue(counters.containsAll(Set.of("responded", "respondedInTime")), counters.toString());
        assertTrue(counters.stream().anyMatch(c -> c.startsWith("resp_") && !c.equals("resp_z")), counters.toString());
        ServiceRequest noted = RequestFixtures.changed(acknowledged, "acknowledged", acknowledged.handling(), at.plusSeconds(60), false);
        assertEquals(List.of(), FIGURES.changed(acknowledged, noted, at.plusSeconds(60)));
    }

    @Test
    void aRequestResolvedAtFirstContactIsReceivedAnsweredAndResolvedThere() {
        Instant at = RequestFixtures.SUBMITTED;
        ServiceRequest received = RequestFixtures.received("phone");
        Handling handling = Handling.received(null).withAcknowledgedAt(at)
                .withProgress(at, false, at, null, "Booked.").withResolvedAtFirstContact(true);
        Set<String> counters = counters(only(FIGURES.created(RequestFixtures.changed(received, "resolved", handling, at, true))));
        assertEquals(Set.of("received", "ch_phone", "responded", "respondedInTime", "resp_z", "resolved", "resolvedInTime",
                "resol_z", "firstContact"), counters);
    }
}

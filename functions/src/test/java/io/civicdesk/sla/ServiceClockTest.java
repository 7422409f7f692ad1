package io.civicdesk.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service-level clock: runs in business time, pauses while waiting on the customer, stops, reopens. */
class ServiceClockTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private static final BusinessCalendar OFFICE = new BusinessCalendar("office", PERTH, BusinessCalendar.MONDAY_TO_FRIDAY, Map.of());
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PERTH).toInstant();
    }

    @Test
    void aRunningClockIsDueWhenTheTargetOfBusinessTimeHasPassed() {
        ServiceClock clock = ServiceClock.startedAt(at("2026-11-23T15:00"));
        assertEquals(Optional.of(at("2026-11-24T10:30")), clock.dueAt(OFFICE, FOUR_HOURS));
        assertEquals(Duration.ofHours(2), clock.taken(OFFICE, at("2026-11-23T17:00")));
    }

    @Test
    void aPauseMovesTheDueTimeByTheBusinessTimeSpentWaiting() {
        ServiceClock paused = ServiceClock.startedAt(at("2026-11-23T09:00")).stoppedAt(at("2026-11-23T11:00"));
        assertFalse(paused.running());
        assertEquals(Optional.empty(), paused.dueAt(OFFICE, FOUR_HOURS), "nothing falls due while paused");
        assertEquals(at("2026-11-24T10:30"), paused.projectedDueAt(OFFICE, FOUR_HOURS, at("2026-11-24T08:30")));
        ServiceClock resumed = paused.resumedAt(at("2026-11-25T09:00"));
        assertEquals(Optional.of(at("2026-11-25T11:00")), resumed.dueAt(OFFICE, FOUR_HOURS));
        assertEquals(Duration.ofHours(3), resumed.taken(OFFICE, at("2026-11-25T10:00")));
    }

    @Test
    void resolvingStopsTheClockAndAReopenSetsItRunningAgain() {
        ServiceClock resolved = ServiceClock.startedAt(at("2026-11-23T09:00"))
                .stoppedAt(at("2026-11-23T11:00"))
                .resumedAt(at("2026-11-25T09:00"))
                .stoppedAt(at("2026-11-25T10:00"));
        assertEquals(Duration.ofHours(3), resolved.taken(OFFICE, at("2026-11-30T09:00")), "time after resolution does not count");
        assertTrue(resolved.taken(OFFICE, at("2026-11-30T09:00")).compareTo(FOUR_HOURS) <= 0, "the target was met");
        ServiceClock reopened = resolved.resumedAt(at("2026-11-26T09:00"));
        assertTrue(reopened.running());
        assertEquals(Optional.of(at("2026-11-26T10:00")), reopened.dueAt(OFFICE, FOUR_HOURS));
    }

    @Test
    void aBreachIsDueInThePast() {
        ServiceClock late = ServiceClock.startedAt(at("2026-11-23T09:00")).stoppedAt(at("2026-11-24T09:00"));
        assertEquals(Optional.of(at("2026-11-23T13:00")), late.dueAt(OFFICE, FOUR_HOURS));
    }

    @Test
    void stoppingOrResumingTwiceChangesNothing() {
        ServiceClock running = ServiceClock.startedAt(at("2026-11-23T09:00"));
        assertEquals(running, running.resumedAt(at("2026-11-23T10:00")));
        ServiceClock stopped = running.stoppedAt(at("2026-11-23T10:00"));
        assertEquals(stopped, stopped.stoppedAt(at("2026-11-23T11:00")));
    }
}

package io.civicdesk.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request's service level: its targets met or missed, its due times through pauses, and the alerts it raises. */
class ServiceLevelTest {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private static final BusinessCalendar OFFICE = new BusinessCalendar("office", PERTH, BusinessCalendar.MONDAY_TO_FRIDAY, Map.of());
    /** Respond within 4 business hours, resolve within 2 days of 8.5 hours, news at least every business day. */
    private static final ServiceLevelPolicy POLICY = new ServiceLevelPolicy("roads", 1, null, null, Duration.ofHours(4),
            Duration.ofHours(17), Duration.ofMinutes(510), List.of(50, 75), null);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PERTH).toInstant();
    }

    private static ServiceLevel.Progress working(boolean news) {
        return new ServiceLevel.Progress(true, false, false, news);
    }

    @Test
    void anEveningReportIsDueFromTheNextOpening() {
        ServiceLevel level = ServiceLevel.started(POLICY, OFFICE, at("2026-11-27T19:00")); // Friday evening
        assertEquals(at("2026-11-30T12:30"), level.responseDueAt(), "Monday 08:30 + 4 hours");
        assertEquals(at("2026-12-01T17:00"), level.resolutionDueAt(), "two full business days: Monday and Tuesday");
    }

    @Test
    void theFirstResponseIsRecordedOnceWithItsBusinessTimeAndWhetherItWasMet() {
        ServiceLevel level = ServiceLevel.started(POLICY, OFFICE, at("2026-11-23T15:00"))
                .moved(OFFICE, at("2026-11-24T10:00"), working(true));
        assertEquals(Duration.ofMinutes(210), level.responseTaken(), "2 hours Monday, 1.5 Tuesday");
        assertTrue(level.responseMet());
        assertEquals(at("2026-11-24T10:30"), level.responseDueAt());
        ServiceLevel later = level.moved(OFFICE, at("2026-11-25T10:00"), working(true));
        assertEquals(at("2026-11-24T10:00"), later.respondedAt(), "only the first response counts");
    }

    @Test
    void aPauseMovesTheResolutionDueTimeAndResolutionRecordsTheTimeTaken() {
        ServiceLevel started = ServiceLevel.started(POLICY, OFFICE, at("2026-11-23T08:30"));
        assertEquals(at("2026-11-24T17:00"), started.resolutionDueAt());
        ServiceLevel paused = started.moved(OFFICE, at("2026-11-23T12:30"), new ServiceLevel.Progress(true, true, false, true));
        assertEquals(at("2026-11-24T17:00"), paused.resolutionDueAt(), "paused at once: the projection has not moved yet");
        ServiceLevel resumed = paused.moved(OFFICE, at("2026-11-25T08:30"), working(false));
        assertEquals(at("2026-11-26T13:00"), resumed.resolutionDueAt(), "13 hours still to run from Wednesday 08:30");
        ServiceLevel resolved = resumed.moved(OFFICE, at("2026-11-25T10:30"), new ServiceLevel.Progress(true, false, true, true));
        assertEquals(Duration.ofHours(6), resolved.resolutionTaken());
        assertTrue(resolved.resolutionMet());
        ServiceLevel reopened = resolved.moved(OFFICE, at("2026-11-30T08:30"), working(false));
        assertNull(reopened.resolutionTaken(), "a reopen sets the clock running again");
        assertEquals(at("2026-12-01T11:00"), reopened.resolutionDueAt(), "11 hours still to run from Monday 08:30");
    }

    @Test
    void warningsFallDueAtTheirSharesOfTheTargetThenTheBreachAndEachIsSentOnce() {
        ServiceLevel level = ServiceLevel.started(POLICY, OFFICE, at("2026-11-23T08:30"));
        List<Alert> pending = level.pending(OFFICE);
        assertEquals(at("2026-11-23T10:30"), level.nextAlertAt(), "50% of the 4-hour response target");
        assertTrue(pending.stream().anyMatch(alert -> alert.key().equals("response-breach") && alert.at().equals(at("2026-11-23T12:30"))));
        List<Alert> due = level.due(OFFICE, at("2026-11-23T12:40"));
        assertEquals(List.of("response-50", "response-75", "response-breach"), due.stream().map(Alert::key).toList());
        ServiceLevel warned = level.warnedOf(due, OFFICE, at("2026-11-23T12:40"));
        assertEquals(List.of(), warned.due(OFFICE, at("2026-11-23T12:40")), "nothing is sent twice");
        assertEquals("breached", warned.flag());
        assertEquals(at("2026-11-23T12:45"), warned.nextAlertAt(), "next: the reminder to give news, half a day on");
        ServiceLevel answered = warned.moved(OFFICE, at("2026-11-23T13:00"), working(true));
        assertNull(answered.flag(), "the response came: nothing outstanding has been warned of");
        assertFalse(answered.responseMet());
    }

    @Test
    void nothingFallsDueWhilePausedAndNewsPutsOffTheReminder() {
        ServiceLevel level = ServiceLevel.started(POLICY, OFFICE, at("2026-11-23T08:30"))
                .moved(OFFICE, at("2026-11-23T09:00"), working(true));
        Alert news = level.pending(OFFICE).stream().filter(alert -> alert.kind() == Alert.Kind.NEWS).findFirst().orElseThrow();
        assertEquals(at("2026-11-23T13:15"), news.at(), "half of a business day after the last news");
        ServiceLevel later = level.moved(OFFICE, at("2026-11-23T12:00"), working(true));
        Alert postponed = later.pending(OFFICE).stream().filter(alert -> alert.kind() == Alert.Kind.NEWS).findFirst().orElseThrow();
        assertEquals(at("2026-11-23T16:15"), postponed.at());
        ServiceLevel paused = later.moved(OFFICE, at("2026-11-23T12:30"), new ServiceLevel.Progress(true, true, false, false));
        assertEquals(List.of(), paused.pending(OFFICE));
        assertNull(paused.nextAlertAt());
    }

    @Test
    void anotherPolicyKeepsTheClockAndItsHistory() {
        ServiceLevelPolicy urgent = new ServiceLevelPolicy("urgent", 0, null, "urgent", Duration.ofHours(1),
                Duration.ofHours(4), null, List.of(), null);
        ServiceLevel level = ServiceLevel.started(POLICY, OFFICE, at("2026-11-23T08:30"))
                .moved(OFFICE, at("2026-11-23T09:00"), working(true))
                .underPolicy(urgent, OFFICE, at("2026-11-23T10:00"));
        assertEquals("urgent", level.policy().id());
        assertEquals(at("2026-11-23T09:00"), level.respondedAt());
        assertEquals(at("2026-11-23T12:30"), level.resolutionDueAt(), "4 hours from 08:30, on the same clock");
    }
}

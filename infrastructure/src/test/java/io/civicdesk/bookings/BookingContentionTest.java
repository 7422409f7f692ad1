package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.Reference;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many people at once, through the local gateway (real HTTP, concurrent handler instances) against the local DynamoDB:
 * exactly one wins each slot, the rest get 409, and reading every lock afterwards proves no time is held twice.
 */
class BookingContentionTest {
    private static final String ROOM = "karri-meeting-room";
    private static Api api;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
    }

    private static List<Api.Reply> race(List<Callable<Api.Reply>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            List<Future<Api.Reply>> futures = pool.invokeAll(attempts);
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyPeopleTryTheSameSlotAtOnceAndExactlyOneGetsIt() throws Exception {
        LocalDate date = BookingFixtures.weekday(ROOM, DayOfWeek.WEDNESDAY, 2);
        List<Callable<Api.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = "same+" + i + "@example.com";
            attempts.add(() -> api.post("/bookings", Json.write(BookingFixtures.booking(ROOM, date, "10:00", "11:00", email)),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        }
        List<Api.Reply> replies = race(attempts);
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies.toString());
        assertEquals(19, replies.stream().filter(r -> r.status() == 409).count(), replies.toString());
        replies.stream().filter(r -> r.status() == 409).forEach(r -> assertTrue(r.json().path("message").asText().contains("already taken"), r.body()));
        String winner = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().path("reference").asText();
        List<Bookings.HeldLock> locks = BookingFixtures.locksOn(ROOM, date);
        assertEquals(4, locks.size(), "one hour is four 15-minute locks");
        locks.forEach(lock -> assertEquals(winner, lock.bookingRef()));
    }

    @Test
    void sixtyOverlappingAttemptsNeverLeaveTwoBookingsOnTheSameTime() throws Exception {
        LocalDate date = BookingFixtures.weekday(ROOM, DayOfWeek.THURSDAY, 2);
        List<Callable<Api.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalTime start = LocalTime.of(9, 0).plusMinutes(15L * (i % 16));
            LocalTime end = start.plusMinutes(30 + 15L * (i % 5));
            String email = "overlap+" + i + "@example.com";
            attempts.add(() -> api.post("/bookings", Json.write(BookingFixtures.booking(ROOM, date, start.toString(), end.toString(), email)),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        }
        List<Api.Reply> replies = race(attempts);
        List<JsonNode> won = replies.stream().filter(r -> r.status() == 201).map(Api.Reply::json).toList();
        assertFalse(won.isEmpty());
        assertEquals(60, won.size() + replies.stream().filter(r -> r.status() == 409).count(), "every attempt is 201 or 409: " + replies);

        // The winners' times never overlap...
        Map<String, Bookings.HeldLock> byKey = new HashMap<>();
        Set<String> winners = new HashSet<>();
        won.forEach(w -> winners.add(w.path("reference").asText()));
        var bookings = BookingFixtures.store().findAll(List.copyOf(winners));
        List<Occurrence> times = bookings.values().stream().map(b -> b.occurrences().get(0)).toList();
        for (int a = 0; a < times.size(); a++) {
            for (int b = a + 1; b < times.size(); b++) {
                assertTrue(!times.get(a).start().isBefore(times.get(b).end()) || !times.get(b).start().isBefore(times.get(a).end()),
                        "two confirmed bookings overlap: " + times.get(a) + " and " + times.get(b));
            }
        }
        // ...and every lock on the day is held by exactly one winner, who holds exactly its own time.
        for (Bookings.HeldLock lock : BookingFixtures.locksOn(ROOM, date)) {
            assertTrue(byKey.put(lock.key(), lock) == null, "a granule is locked twice: " + lock.key());
            assertTrue(winners.contains(lock.bookingRef()), "a lock held by a booking that was refused: " + lock);
        }
        for (Booking booking : bookings.values()) {
            for (String key : SlotGrid.keys(booking.firstStart(), booking.lastEnd())) {
                assertEquals(booking.reference().value(), byKey.get(key).bookingRef(), key);
            }
        }
        assertEquals(bookings.values().stream().mapToInt(b -> SlotGrid.keys(b.firstStart(), b.lastEnd()).size()).sum(), byKey.size(),
                "no lock is left over from a refused attempt");
    }

    @Test
    void tenRetriesWithOneIdempotencyKeyAtOnceMakeOneBookingAndAllGetItsAnswer() throws Exception {
        LocalDate date = BookingFixtures.weekday(ROOM, DayOfWeek.FRIDAY, 2);
        String key = UUID.randomUUID().toString();
        String body = Json.write(BookingFixtures.booking(ROOM, date, "13:00", "14:00", "retry@example.com"));
        List<Callable<Api.Reply>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(() -> api.post("/bookings", body, Map.of("Idempotency-Key", key)));
        }
        List<Api.Reply> replies = race(attempts);
        Set<String> references = new HashSet<>();
        for (Api.Reply reply : replies) {
            assertEquals(201, reply.status(), reply.body());
            references.add(reply.json().path("reference").asText());
        }
        assertEquals(1, references.size(), "one booking, one answer: " + references);
        assertTrue(BookingFixtures.store().find(new Reference(references.iterator().next())).isPresent());
        BookingFixtures.locksOn(ROOM, date).forEach(lock -> assertTrue(references.contains(lock.bookingRef())));
        Api.Reply other = api.post("/bookings", body.replace("13:00", "15:00").replace("14:00", "16:00"), Map.of("Idempotency-Key", key));
        assertEquals(422, other.status(), other.body());
    }
}

package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.bookings.BookingHandler;
import io.civicdesk.bookings.FacilitiesHandler;
import io.civicdesk.platform.Json;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The booking rows, run inside {@link CountingClassLoader} like {@link CallCounts}: a week's availability, one
 * booking, and a contention run — many concurrent attempts at overlapping times on one facility and day, each
 * thread its own handler instance (as Lambda containers are), then every winner's time compared with every
 * other's: overlaps are double bookings, and must be 0.
 */
public final class BookingCallCounts {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private static final String ROOM = "karri-meeting-room";
    static final int THREADS = 8;
    static final int ATTEMPTS = 400;

    private BookingCallCounts() {
    }

    /** Rows: operation, DynamoDB calls, by DynamoDB operation, items read, items written, write units; then the contention row. */
    public static List<String[]> run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        // A Monday ten days or more ahead: weekday hours (8am to 8pm) for all three rows, Monday to Wednesday.
        LocalDate day = LocalDate.now(PERTH).plusDays(10).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
        FacilitiesHandler facilities = new FacilitiesHandler();
        APIGatewayV2HTTPEvent week = Events.http("GET /facilities/{facilityId}/availability", Map.of("facilityId", ROOM), Map.of(), null);
        week.setQueryStringParameters(Map.of("from", day.toString(), "days", "7"));
        // Warm the container once so the row shows a warm request, as a resident browsing days would make.
        call(facilities, week);
        book(new BookingHandler(), day.plusDays(1), LocalTime.of(9, 0), LocalTime.of(10, 0));
        CallCounter.takeAll();
        call(facilities, week);
        rows.add(row("GET /facilities/{id}/availability, a week (1 booking in it)", CallCounter.takeAll()));

        BookingHandler booking = new BookingHandler();
        CallCounter.takeAll();
        book(booking, day, LocalTime.of(9, 0), LocalTime.of(11, 0));
        rows.add(row("POST /bookings, 2 hours (8 locks, booking, idempotency, mail)", CallCounter.takeAll()));

        rows.add(contention(day.plusDays(2)));
        return rows;
    }

    private static String[] contention(LocalDate day) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<JsonNode>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                BookingHandler handler = new BookingHandler();
                List<JsonNode> won = new ArrayList<>();
                for (int i = 0; i < ATTEMPTS / THREADS; i++) {
                    LocalTime from = LocalTime.of(9, 0).plusMinutes(15L * ThreadLocalRandom.current().nextInt(36));
                    LocalTime to = from.plusMinutes(15L * (2 + ThreadLocalRandom.current().nextInt(6)));
                    if (to.isAfter(LocalTime.of(20, 0))) {
                        to = LocalTime.of(20, 0);
                    }
                    APIGatewayV2HTTPResponse response = handler.handleRequest(bookingEvent(day, from, to), new BenchContext("BookingHandler"));
                    if (response.getStatusCode() == 201) {
                        won.add(Json.MAPPER.readTree(response.getBody()));
                    } else if (response.getStatusCode() != 409) {
                        throw new IllegalStateException("contention attempt answered " + response.getStatusCode() + ": " + response.getBody());
                    }
                }
                return won;
            }));
        }
        List<JsonNode> winners = new ArrayList<>();
        for (Future<List<JsonNode>> future : futures) {
            winners.addAll(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        CallCounter.takeAll();
        int doubles = 0;
        for (int a = 0; a < winners.size(); a++) {
            for (int b = a + 1; b < winners.size(); b++) {
                if (overlap(winners.get(a), winners.get(b))) {
                    doubles++;
                }
            }
        }
        return new String[] {"contention", Integer.toString(ATTEMPTS), String.format("%.0f", ATTEMPTS / seconds),
                Integer.toString(winners.size()), Integer.toString(doubles), Integer.toString(THREADS)};
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        Instant aStart = Instant.parse(a.path("occurrences").get(0).path("startsAt").asText());
        Instant aEnd = Instant.parse(a.path("occurrences").get(0).path("endsAt").asText());
        Instant bStart = Instant.parse(b.path("occurrences").get(0).path("startsAt").asText());
        Instant bEnd = Instant.parse(b.path("occurrences").get(0).path("endsAt").asText());
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    private static APIGatewayV2HTTPEvent bookingEvent(LocalDate day, LocalTime from, LocalTime to) {
        String body = Json.write(Map.of("facilityId", ROOM, "date", day.toString(), "start", from.toString(), "end", to.toString(),
                "purpose", "Benchmark", "attendance", 6, "contact", Map.of("name", "Bench Mark", "email", "bench@example.com"),
                "termsAccepted", true));
        return Events.http("POST /bookings", Map.of(), Map.of("content-type", "application/json",
                "idempotency-key", UUID.randomUUID().toString()), body);
    }

    private static void book(BookingHandler handler, LocalDate day, LocalTime from, LocalTime to) throws IOException {
        APIGatewayV2HTTPResponse response = handler.handleRequest(bookingEvent(day, from, to), new BenchContext("BookingHandler"));
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("the sample booking answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    private static void call(FacilitiesHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext("FacilitiesHandler"));
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("availability answered " + response.getStatusCode());
        }
    }

    static String[] row(String operation, Map<String, CallCounter.Tally> tallies) {
        CallCounter.DynamoDbTotals totals = CallCounter.DynamoDbTotals.of(tallies);
        long written = totals.itemsWritten();
        boolean transactional = tallies.keySet().stream().anyMatch(k -> k.contains("TransactWriteItems"));
        // A transactional write costs two write units per item of up to 1 KB (each item here is under 1 KB but the mail).
        return new String[] {operation, Integer.toString(totals.calls()), totals.byOperation(),
                Long.toString(totals.itemsRead()), Long.toString(written), transactional ? "~" + (2 * written) : Long.toString(written)};
    }
}

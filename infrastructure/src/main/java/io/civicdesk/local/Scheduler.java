package io.civicdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.civicdesk.local.template.FunctionDefinition;
import io.civicdesk.local.template.FunctionDefinition.ScheduleEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * EventBridge schedules, locally: each Schedule or ScheduleV2 event runs on its expression (see
 * {@link ScheduleExpression}) while the stack is up, and any function's schedules can be run now. The event is
 * the event's Input when it has one, else EventBridge's "Scheduled Event" JSON.
 */
final class Scheduler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Entry(LambdaFunction function, ScheduleEvent event, ScheduleExpression expression) {
    }

    private final List<Entry> entries;
    private final Clock clock;

    /** Parses every schedule now, so an expression the local stack cannot run fails at start. */
    Scheduler(List<LambdaFunction> functions, Clock clock) {
        this.clock = clock;
        this.entries = functions.stream().flatMap(function -> function.definition().schedules().stream()
                .map(event -> new Entry(function, event, ScheduleExpression.parse(event.expression(),
                        event.timeZone().map(ZoneId::of).orElse(ZoneOffset.UTC))))).toList();
    }

    void start(ScheduledExecutorService executor) {
        ZonedDateTime now = now();
        entries.forEach(entry -> scheduleAfter(entry, now, executor));
    }

    private void scheduleAfter(Entry entry, ZonedDateTime after, ScheduledExecutorService executor) {
        entry.expression().next(after).ifPresent(at -> executor.schedule(() -> {
            try {
                invoke(entry, at);
            } catch (Exception e) {
                System.err.println(name(entry) + " failed:");
                e.printStackTrace();
            }
            scheduleAfter(entry, at, executor);
        }, Math.max(0, Duration.between(now(), at).toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Invokes each of the function's schedule events once, now; a handler's failure propagates. */
    void runNow(String functionLogicalId) throws Exception {
        List<Entry> mine = entries.stream()
                .filter(e -> e.function().definition().logicalId().equals(functionLogicalId)).toList();
        if (mine.isEmpty()) {
            throw new IllegalArgumentException(functionLogicalId + " has no schedule in the template");
        }
        for (Entry entry : mine) {
            invoke(entry, now());
        }
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static void invoke(Entry entry, ZonedDateTime at) throws Exception {
        entry.function().invoke(entry.event().input().map(input -> input.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> scheduledEvent(entry.function().definition(), entry.event(), at)));
    }

    private static byte[] scheduledEvent(FunctionDefinition function, ScheduleEvent event, ZonedDateTime at) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", "0");
        json.put("id", UUID.randomUUID().toString());
        json.put("detail-type", "Scheduled Event");
        json.put("source", "aws.events");
        json.put("account", LocalStack.ACCOUNT_ID);
        json.put("time", DateTimeFormatter.ISO_INSTANT.format(at.toInstant().truncatedTo(ChronoUnit.SECONDS)));
        json.put("region", LocalStack.REGION);
        json.put("resources", List.of("arn:aws:events:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT_ID + ":rule/"
                + function.logicalId() + event.name()));
        json.put("detail", Map.of());
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Entry entry) {
        return entry.function().definition().logicalId() + "." + entry.event().name();
    }
}

package io.civicdesk.bench;

import io.civicdesk.reports.Figures;
import io.civicdesk.reports.FiguresStore;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.reports.ServiceLevelReport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A quarterly roll-up as the number of requests grows, two ways: from the figures kept per unit, service and
 * day (what CivicDesk does), and by reading every request of the quarter (what it avoids). Both run against
 * DynamoDB Local and must agree on the counts. The request set is generated (seeded, so every run is the same):
 * 5 units, 13 services, spread over the quarter with a fortnight either side.
 */
final class RollUpScaling {
    private static final int UNITS = 5;
    private static final int SERVICES = 13;
    private static final List<String> CHANNELS = List.of("online", "phone", "counter", "email", "field");
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 8, 1));
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RollUpScaling() {
    }

    /** One generated request: its unit, service and channel, the council days things happened, and durations. */
    private record Generated(int unit, int service, String channel, LocalDate submitted, LocalDate resolved,
                             double resolutionMinutes, boolean inTime) {
    }

    private static void generate(int count, Consumer<Generated> each) {
        Random random = new Random(count);
        LocalDate start = QUARTER.first().minusDays(14);
        for (int i = 0; i < count; i++) {
            LocalDate submitted = start.plusDays(random.nextInt(120));
            double minutes = Math.exp(random.nextGaussian() * 1.2 + 7);
            boolean resolved = random.nextInt(5) > 0;
            each.accept(new Generated(random.nextInt(UNITS), random.nextInt(SERVICES), CHANNELS.get(random.nextInt(CHANNELS.size())),
                    submitted, resolved ? submitted.plusDays((long) (minutes / 450)) : null, minutes, minutes <= 4800));
        }
    }

    static Table measure(DynamoDbClient dynamo, List<Integer> sizes) throws Exception {
        Table table = new Table("Quarterly roll-up as requests grow",
                "How measured: a generated quarter (5 units, 13 services) in DynamoDB Local. Kept figures: the per-day items"
                        + " the functions keep as requests change (written here whole, as a backfill would), rolled up by one Query"
                        + " per unit. Reading every request: one Scan of the requests, summed in memory. Time and memory (bytes"
                        + " allocated by the rolling-up thread) are for the roll-up alone; both ways agree on every count.",
                "Requests", "Way", "Time ms", "DynamoDB items read", "Allocated MB", "Received in quarter");
        FiguresStore figures = new FiguresStore(dynamo, "FiguresTable");
        for (int size : sizes) {
            String prefix = "n" + size + "-";
            Map<String, Figures> days = new HashMap<>();
            String requestsTable = "BenchRequests" + size;
            createRequestsTable(dynamo, requestsTable);
            try (BatchWriter writer = new BatchWriter(dynamo, requestsTable)) {
                generate(size, request -> {
                    countInto(days, prefix, request);
                    writer.put(item(request));
                });
            }
            days.forEach((key, dayFigures) -> {
                String[] parts = key.split("\\|");
                figures.replaceDay(parts[0], parts[1], LocalDate.parse(parts[2]), dayFigures);
            });

            List<String> units = new ArrayList<>();
            for (int unit = 0; unit < UNITS; unit++) {
                units.add(prefix + "unit" + unit);
            }
            long allocated = THREADS.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            FiguresStore.PeriodFigures kept = figures.periodFigures(units, QUARTER.first(), QUARTER.last());
            long keptReceived = received(kept.figures());
            table.add(String.format("%,d", size), "kept figures", Math.round((System.nanoTime() - started) / 1e6),
                    String.format("%,d", kept.itemsRead()), megabytes(THREADS.getCurrentThreadAllocatedBytes() - allocated),
                    String.format("%,d", keptReceived));

            allocated = THREADS.getCurrentThreadAllocatedBytes();
            started = System.nanoTime();
            Map<ServiceLevelReport.Key, Figures> direct = new HashMap<>();
            int itemsRead = scanEveryRequest(dynamo, requestsTable, prefix, direct);
            long directReceived = received(direct);
            table.add(String.format("%,d", size), "reading every request", Math.round((System.nanoTime() - started) / 1e6),
                    String.format("%,d", itemsRead), megabytes(THREADS.getCurrentThreadAllocatedBytes() - allocated),
                    String.format("%,d", directReceived));
            if (keptReceived != directReceived) {
                throw new IllegalStateException("The two roll-ups disagree at " + size + ": " + keptReceived + " against " + directReceived);
            }
            dynamo.deleteTable(request -> request.tableName(requestsTable));
        }
        return table;
    }

    private static void countInto(Map<String, Figures> days, String prefix, Generated request) {
        String unitAndService = prefix + "unit" + request.unit() + "|service" + request.service() + "|";
        days.computeIfAbsent(unitAndService + request.submitted(), key -> new Figures()).received(request.channel());
        if (request.resolved() != null) {
            days.computeIfAbsent(unitAndService + request.resolved(), key -> new Figures())
                    .resolved(request.resolutionMinutes(), request.inTime(), false);
        }
    }

    private static Map<String, AttributeValue> item(Generated request) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(java.util.UUID.randomUUID().toString()));
        item.put("unit", AttributeValue.fromN(Integer.toString(request.unit())));
        item.put("service", AttributeValue.fromN(Integer.toString(request.service())));
        item.put("channel", AttributeValue.fromS(request.channel()));
        item.put("submitted", AttributeValue.fromS(request.submitted().toString()));
        if (request.resolved() != null) {
            item.put("resolved", AttributeValue.fromS(request.resolved().toString()));
            item.put("minutes", AttributeValue.fromN(Double.toString(request.resolutionMinutes())));
            item.put("inTime", AttributeValue.fromBool(request.inTime()));
        }
        return item;
    }

    private static int scanEveryRequest(DynamoDbClient dynamo, String table, String prefix, Map<ServiceLevelReport.Key, Figures> into) {
        int read = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(table).exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                ServiceLevelReport.Key key = new ServiceLevelReport.Key(prefix + "unit" + item.get("unit").n(), "service" + item.get("service").n());
                if (QUARTER.contains(LocalDate.parse(item.get("submitted").s()))) {
                    into.computeIfAbsent(key, k -> new Figures()).received(item.get("channel").s());
                }
                AttributeValue resolved = item.get("resolved");
                if (resolved != null && QUARTER.contains(LocalDate.parse(resolved.s()))) {
                    into.computeIfAbsent(key, k -> new Figures())
                            .resolved(Double.parseDouble(item.get("minutes").n()), item.get("inTime").bool(), false);
                }
            }
            read += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return read;
    }

    private static long received(Map<ServiceLevelReport.Key, Figures> figures) {
        return figures.values().stream().mapToLong(Figures::received).sum();
    }

    private static void createRequestsTable(DynamoDbClient dynamo, String table) {
        dynamo.createTable(request -> request.tableName(table).billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(definition -> definition.attributeName("pk").attributeType("S"))
                .keySchema(key -> key.attributeName("pk").keyType("HASH")));
    }

    /**
     * Setting up a million requests is the slow part: batches of 25 written from a few threads, with a bound on
     * the batches waiting so the generated requests never pile up in memory.
     */
    private static final class BatchWriter implements AutoCloseable {
        private final DynamoDbClient dynamo;
        private final String table;
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final Semaphore waiting = new Semaphore(64);
        private final List<Future<?>> writes = new ArrayList<>();
        private List<WriteRequest> batch = new ArrayList<>();

        BatchWriter(DynamoDbClient dynamo, String table) {
            this.dynamo = dynamo;
            this.table = table;
        }

        void put(Map<String, AttributeValue> item) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                flush();
            }
        }

        private void flush() {
            List<WriteRequest> full = batch;
            batch = new ArrayList<>();
            waiting.acquireUninterruptibly();
            writes.removeIf(Future::isDone);
            writes.add(pool.submit(() -> {
                try {
                    List<WriteRequest> left = full;
                    while (!left.isEmpty()) {
                        List<WriteRequest> sending = left;
                        left = dynamo.batchWriteItem(request -> request.requestItems(Map.of(table, sending)))
                                .unprocessedItems().getOrDefault(table, List.of());
                    }
                } finally {
                    waiting.release();
                }
            }));
        }

        @Override
        public void close() throws Exception {
            if (!batch.isEmpty()) {
                flush();
            }
            for (Future<?> write : writes) {
                write.get();
            }
            pool.shutdown();
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f", bytes / 1e6);
    }
}

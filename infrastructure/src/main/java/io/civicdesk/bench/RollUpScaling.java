package io.civicdesk.bench;

import io.civicdesk.requests.QueueStore;
import io.civicdesk.figures.UnitService;
import io.civicdesk.demo.DemoData;
import io.civicdesk.local.LocalStack;
import io.civicdesk.figures.Backlog;
import io.civicdesk.reports.Backlogs;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.reports.ServiceLevelReport;
import io.civicdesk.sla.BusinessCalendar;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * day and the units' queues of open requests (what CivicDesk does), and by reading every request (what it
 * avoids). Both run against the local DynamoDB (moto) and must agree on the counts and the backlog. The request set is
 * generated (seeded, so every run is the same): 5 units, 13 services, spread over the quarter with a fortnight
 * either side; a fifth of those that arrived in the last four weeks are still open when the roll-up runs.
 */
final class RollUpScaling {
    private static final int UNITS = 5;
    private static final int SERVICES = 13;
    private static final List<String> CHANNELS = List.of("online", "phone", "counter", "email", "field");
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 8, 1));
    private static final LocalDate FIRST_DAY = QUARTER.first().minusDays(14);
    private static final LocalDate LAST_DAY = FIRST_DAY.plusDays(119);
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    /** The roll-up runs the morning after the last generated day, 07:00 in Perth. */
    private static final Instant RUN = LAST_DAY.plusDays(1).atTime(7, 0).atZone(PERTH).toInstant();
    private static final BusinessCalendar CALENDAR = DemoData.calendar(QUARTER.first().getYear());
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RollUpScaling() {
    }

    /**
     * This table alone, without the other benchmarks (which take long on a small machine): from the repository's
     * root after {@code mvn package}, with {@code BENCH_ROLLUP_SIZES} as for {@link Benchmarks}.
     */
    public static void main(String[] args) throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().port(0).eventSources(false)
                .projectRoot(Path.of(System.getProperty("civicdesk.root", "")).toAbsolutePath()))) {
            System.out.print(measure(stack.dynamoDb(), Benchmarks.ROLL_UP_SIZES).render());
        }
    }

    /** One generated request: its unit, service and channel, the council days things happened, and durations. */
    private record Generated(int unit, int service, String channel, LocalDate submitted, LocalDate resolved,
                             double resolutionMinutes, boolean inTime) {
    }

    private static void generate(int count, Consumer<Generated> each) {
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            LocalDate submitted = FIRST_DAY.plusDays(random.nextInt(120));
            double minutes = Math.exp(random.nextGaussian() * 1.2 + 7);
            // Open work is recent work: what arrived more than four weeks before the run has been resolved.
            boolean resolved = random.nextInt(5) > 0 || submitted.isBefore(LAST_DAY.minusDays(27));
            each.accept(new Generated(random.nextInt(UNITS), random.nextInt(SERVICES), CHANNELS.get(random.nextInt(CHANNELS.size())),
                    submitted, resolved ? submitted.plusDays((long) (minutes / 450)) : null, minutes, minutes <= 4800));
        }
    }

    static Table measure(DynamoDbClient dynamo, List<Integer> sizes) throws Exception {
        Table table = new Table("Quarterly roll-up as requests grow",
                "How measured: a generated quarter (5 units, 13 services) in the local DynamoDB (moto). Kept figures: the per-day items"
                        + " the functions keep as requests change (written here whole, as a backfill would), rolled up by one Query"
                        + " per unit, and the backlog from each unit's queue of open requests (the UnitQueue index's OPEN# range)."
                        + " Reading every request: one Scan of the requests, summed in memory. Time and memory (bytes allocated by"
                        + " the rolling-up thread) are for the roll-up alone; both ways agree on every count and on the backlog.",
                "Requests", "Way", "Time ms", "DynamoDB items read", "Allocated MB", "Received in quarter", "Open at the run");
        FiguresStore figures = new FiguresStore(dynamo, "FiguresTable");
        Backlogs backlogs = new Backlogs(new QueueStore(dynamo, "RequestsTable"), figures);
        for (int size : sizes) {
            String prefix = "n" + size + "-";
            Map<String, Figures> days = new HashMap<>();
            String requestsTable = "BenchRequests" + size;
            createRequestsTable(dynamo, requestsTable);
            try (BatchWriter writer = new BatchWriter(dynamo, requestsTable);
                 BatchWriter queues = new BatchWriter(dynamo, "RequestsTable")) {
                generate(size, request -> {
                    countInto(days, prefix, request);
                    writer.put(item(request));
                    if (request.resolved() == null) {
                        queues.put(openRequest(prefix, request));
                    }
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
            Backlogs.Reading open = backlogs.measure(units, CALENDAR, RUN);
            long keptReceived = received(kept.figures());
            Backlog keptBacklog = total(open.backlog());
            table.add(String.format("%,d", size), "kept figures and queues", Math.round((System.nanoTime() - started) / 1e6),
                    String.format("%,d (%,d open)", kept.itemsRead() + open.itemsRead(), open.itemsRead()), megabytes(THREADS.getCurrentThreadAllocatedBytes() - allocated),
                    String.format("%,d", keptReceived), String.format("%,d", keptBacklog.open()));

            allocated = THREADS.getCurrentThreadAllocatedBytes();
            started = System.nanoTime();
            Map<UnitService, Figures> direct = new HashMap<>();
            List<Integer> waited = new ArrayList<>();
            int itemsRead = scanEveryRequest(dynamo, requestsTable, prefix, direct, waited);
            long directReceived = received(direct);
            Backlog directBacklog = Backlog.of(waited);
            table.add(String.format("%,d", size), "reading every request", Math.round((System.nanoTime() - started) / 1e6),
                    String.format("%,d", itemsRead), megabytes(THREADS.getCurrentThreadAllocatedBytes() - allocated),
                    String.format("%,d", directReceived), String.format("%,d", directBacklog.open()));
            if (keptReceived != directReceived || !keptBacklog.equals(directBacklog)) {
                throw new IllegalStateException("The two roll-ups disagree at " + size + ": " + keptReceived + " and "
                        + keptBacklog + " against " + directReceived + " and " + directBacklog);
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

    /**
     * A still-open request as its unit's queue holds it: the attributes the UnitQueue index projects (written
     * whole, as a backfill would), due as the policy of a week would have it.
     */
    private static Map<String, AttributeValue> openRequest(String prefix, Generated request) {
        String reference = java.util.UUID.randomUUID().toString();
        Instant submittedAt = submittedAt(request);
        Instant dueAt = submittedAt.plus(java.time.Duration.ofDays(7));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("REQUEST#" + reference));
        item.put("sk", AttributeValue.fromS("REQUEST"));
        item.put("reference", AttributeValue.fromS(reference));
        item.put("serviceId", AttributeValue.fromS("service" + request.service()));
        item.put("unitId", AttributeValue.fromS(prefix + "unit" + request.unit()));
        item.put("status", AttributeValue.fromS("received"));
        item.put("priority", AttributeValue.fromS("normal"));
        item.put("channel", AttributeValue.fromS(request.channel()));
        item.put("submittedAt", AttributeValue.fromS(submittedAt.toString()));
        item.put("dueAt", AttributeValue.fromS(dueAt.toString()));
        item.put("queueUnit", AttributeValue.fromS(prefix + "unit" + request.unit()));
        item.put("queueKey", AttributeValue.fromS(QueueStore.openKey(dueAt) + "#" + reference));
        return item;
    }

    /** Requests arrive at 10:00 in Perth on their day. */
    private static Instant submittedAt(Generated request) {
        return request.submitted().atTime(10, 0).atZone(PERTH).toInstant();
    }

    private static Backlog total(Map<UnitService, Backlog> backlog) {
        return backlog.values().stream().reduce(Backlog.NONE, Backlog::plus);
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

    /** Sums every request into {@code into}, and adds the business days each request still open has waited. */
    private static int scanEveryRequest(DynamoDbClient dynamo, String table, String prefix, Map<UnitService, Figures> into,
                                        List<Integer> waited) {
        LocalDate runDay = CALENDAR.localDate(RUN);
        int read = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse page = dynamo.scan(ScanRequest.builder().tableName(table).exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                UnitService key = new UnitService(prefix + "unit" + item.get("unit").n(), "service" + item.get("service").n());
                if (QUARTER.contains(LocalDate.parse(item.get("submitted").s()))) {
                    into.computeIfAbsent(key, k -> new Figures()).received(item.get("channel").s());
                }
                AttributeValue resolved = item.get("resolved");
                if (resolved == null) {
                    waited.add(CALENDAR.businessDaysBetween(LocalDate.parse(item.get("submitted").s()), runDay));
                }
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

    private static long received(Map<UnitService, Figures> figures) {
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
    /** Batched puts, four at a time (the agency report benchmark writes its day items through it too). */
    static final class BatchWriter implements AutoCloseable {
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

package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.local.LocalStack;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.SubmitRequestHandler;
import io.civicdesk.staff.StaffRequestHandler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load on the one item every change of a unit, service and day adds to (its figures in FiguresTable): {@value
 * #CALLERS} callers at once, each its own warm container, each submitting missed-bin reports for Waste Services
 * and acknowledging each one as the officer would. Throughput, latency percentiles, the transactions DynamoDB
 * cancelled (a conflict on the shared item shows as one) and the SDK's retries, and every 5xx (which must be 0).
 */
public final class LoadBenchmarks {
    static final int CALLERS = 16;
    static final int ROUNDS = 15;
    private static final String SUBMIT = "POST /requests";
    private static final String ACT = "POST /staff/requests/{reference}/actions";
    private static final Map<String, String> OFFICER = Map.of("sub", "demo-officer-waste", "name", "Sam Nguyen",
            "email", "sam.nguyen@melaleuca.example", "cognito:groups", "[officer]", "custom:unit", "waste", "token_use", "id");

    private LoadBenchmarks() {
    }

    /** This table alone, on a stack of its own with the demo council, from the repository's root after {@code mvn package}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("civicdesk.root", "")).toAbsolutePath();
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().port(0).seedDemoData(true)
                .eventSources(false).projectRoot(root))) {
            System.out.print(measure(List.of(root.resolve(Benchmarks.FUNCTIONS_JAR),
                    Path.of(LoadBenchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI()))).render());
        }
    }

    /** In the bench JVM: runs {@link #run()} inside the counting class loader and tabulates its rows. */
    static Table measure(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Load: one unit, service and day, " + CALLERS + " callers at once",
                "The real SubmitRequestHandler and StaffRequestHandler, one of each per caller (as Lambda containers), warm,"
                        + " invoked in process against the local DynamoDB (moto, which serves one call at a time: its"
                        + " throughput, not DynamoDB's). Each caller submits " + ROUNDS + " missed-bin reports and"
                        + " acknowledges each; every change adds to the same figures item. Cancelled transactions are"
                        + " TransactWriteItems calls that failed; SDK retries are attempts beyond the first.",
                "Operation", "Calls", "Per second", "p50 ms", "p95 ms", "p99 ms", "5xx", "Cancelled transactions", "SDK retries");
        CountingClassLoader.runCounted(functionClasspath, LoadBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws Exception {
        // Warm every caller's containers first: the figures are of warm calls, as a busy day has.
        List<Caller> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            Caller caller = new Caller(new SubmitRequestHandler(), new StaffRequestHandler());
            caller.round();
            callers.add(caller.fresh());
        }
        CallCounter.takeAll();
        CallCounter.takeAttempts();
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        long start = System.nanoTime();
        List<Future<Caller>> running = new ArrayList<>();
        for (Caller caller : callers) {
            running.add(pool.submit(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    caller.round();
                }
                return caller;
            }));
        }
        List<Caller> done = new ArrayList<>();
        for (Future<Caller> future : running) {
            done.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        Map<String, CallCounter.Tally> tallies = CallCounter.takeAll();
        long attempts = CallCounter.takeAttempts();
        long calls = tallies.values().stream().mapToLong(CallCounter.Tally::calls).sum();
        CallCounter.Tally transactions = tallies.getOrDefault("DynamoDb TransactWriteItems", new CallCounter.Tally(0, 0, 0, 0));

        List<String[]> rows = new ArrayList<>();
        rows.add(row(SUBMIT, done.stream().flatMap(c -> c.submitted.stream()).toList(),
                done.stream().mapToInt(c -> c.submitServerErrors()).sum(), seconds, "", ""));
        rows.add(row(ACT + " (acknowledge)", done.stream().flatMap(c -> c.acknowledged.stream()).toList(),
                done.stream().mapToInt(c -> c.actServerErrors()).sum(), seconds, "", ""));
        rows.add(row("All", done.stream().flatMap(c -> c.all().stream()).toList(),
                done.stream().mapToInt(c -> c.submitServerErrors() + c.actServerErrors()).sum(), seconds,
                Integer.toString(transactions.failed()), Long.toString(attempts - calls)));
        return rows;
    }

    private static String[] row(String operation, List<Double> millis, int serverErrors, double seconds,
                                String cancelled, String retries) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new String[] {operation, Integer.toString(sorted.size()), String.format("%.0f", sorted.size() / seconds),
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), Integer.toString(serverErrors),
                cancelled, retries};
    }

    private static String percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? "" : String.format("%.0f", sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** One caller: its own containers, the milliseconds of each call it made, and the 5xx it was answered. */
    private record Caller(SubmitRequestHandler submissions, StaffRequestHandler handling, List<Double> submitted,
                          List<Double> acknowledged, int[] serverErrors) {
        Caller(SubmitRequestHandler submissions, StaffRequestHandler handling) {
            this(submissions, handling, new ArrayList<>(), new ArrayList<>(), new int[2]);
        }

        Caller fresh() {
            return new Caller(submissions, handling);
        }

        void round() throws Exception {
            APIGatewayV2HTTPResponse receipt = timed(submissions, Events.submit(), submitted, 0);
            if (receipt.getStatusCode() != 201) {
                return;
            }
            String reference = Json.parseBody(receipt.getBody()).path("reference").asText();
            APIGatewayV2HTTPEvent acknowledge = Events.http(ACT, Map.of("reference", reference),
                    Map.of("content-type", "application/json"), Json.write(Map.of("action", "acknowledge", "expectedVersion", 1)));
            timed(handling, Events.asStaff(acknowledge, OFFICER), acknowledged, 1);
        }

        private APIGatewayV2HTTPResponse timed(HttpHandler handler, APIGatewayV2HTTPEvent event, List<Double> into, int kind) {
            long start = System.nanoTime();
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext(handler.getClass().getSimpleName()));
            into.add((System.nanoTime() - start) / 1e6);
            if (response.getStatusCode() >= 500) {
                serverErrors[kind]++;
            }
            return response;
        }

        List<Double> all() {
            List<Double> all = new ArrayList<>(submitted);
            all.addAll(acknowledged);
            return all;
        }

        int submitServerErrors() {
            return serverErrors[0];
        }

        int actServerErrors() {
            return serverErrors[1];
        }
    }
}

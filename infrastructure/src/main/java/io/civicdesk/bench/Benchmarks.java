package io.civicdesk.bench;

import io.civicdesk.local.LocalStack;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.portal.PortalBuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./civicdesk bench}: the performance figures of infrastructure/BENCHMARKS.md, printed as tables — cold
 * start per function against a floor, DynamoDB calls per API operation, load on one unit's figures from 16
 * callers, the quarterly roll-up as requests grow, search over 2,000 generated articles, and the portal's bytes on
 * first load (the pages that gained search or the knowledge base on their own too).
 * Runs from the repository's root (or {@code -Dcivicdesk.root}) after {@code mvn package}.
 */
public final class Benchmarks {
    private static final int WARM_UP_ROUNDS = 1;
    private static final int ROUNDS = 11;
    /**
     * Requests in the generated quarter for the roll-up table. Not a million by default: moto, one call at a
     * time, takes about half an hour to set up and scan a million on 2 cores;
     * {@code BENCH_ROLLUP_SIZES=10000,100000,1000000 ./civicdesk bench} asks for it.
     */
    static final List<Integer> ROLL_UP_SIZES = java.util.Arrays.stream(java.util.Objects.requireNonNullElse(
            io.civicdesk.platform.Config.optional("BENCH_ROLLUP_SIZES"), "10000,100000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    /** The template's CodeUri: the jar Lambda runs. */
    static final String FUNCTIONS_JAR = "functions/target/functions-1.0.0-SNAPSHOT-lambda.jar";

    private Benchmarks() {
    }

    /** One table or more of the benchmarks, printed against the running local stack. */
    private interface Part {
        void print(LocalStack stack) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("civicdesk.root", "")).toAbsolutePath();
        Path jar = root.resolve(FUNCTIONS_JAR);
        if (!Files.isRegularFile(root.resolve("template.yaml")) || !Files.isRegularFile(jar)) {
            System.err.println("Run from the repository's root (or set -Dcivicdesk.root) after `mvn package`: "
                    + "the benchmarks need template.yaml and " + FUNCTIONS_JAR + " under " + root);
            System.exit(2);
        }
        // What a function's JVM holds: its deployed jar, and these classes for the probe and the counter.
        List<Path> functionClasspath = List.of(jar,
                Path.of(Benchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        long start = System.nanoTime();
        SamTemplate template = SamTemplate.read(root.resolve("template.yaml"));
        // `./civicdesk bench <subset>`: one capability's tables in minutes, not the whole run's half hour.
        Map<String, List<Part>> subsets = new LinkedHashMap<>();
        Part calls = stack -> print(callCounts(functionClasspath));
        subsets.put("search", List.of(calls,
                stack -> SearchBenchmarks.measure(stack, template, functionClasspath).forEach(Benchmarks::print),
                stack -> print(PortalBytes.searchPages(builtPortal(root)))));
        subsets.put("staff", List.of(calls, stack -> print(StaffBenchmarks.measure(functionClasspath)),
                stack -> print(PortalBytes.measure(builtPortal(root)))));
        subsets.put("replies", List.of(calls, stack -> print(ReplyBenchmarks.measure(functionClasspath))));
        subsets.put("payments", List.of(stack -> print(paymentCalls(functionClasspath))));
        subsets.put("photos", List.of(stack -> print(PhotoBenchmarks.measure(functionClasspath)),
                stack -> print(PortalBytes.reportMap(builtPortal(root)))));
        subsets.put("field", List.of(stack -> print(FieldBenchmarks.measure(functionClasspath, builtPortal(root)))));
        subsets.put("words", List.of(stack -> WordsBenchmarks.measure(stack.dynamoDb()).forEach(Benchmarks::print)));
        subsets.put("sms", List.of(stack -> print(SmsBenchmarks.measure(functionClasspath))));
        subsets.put("responses", List.of(stack -> print(ResponseBenchmarks.measure(functionClasspath))));
        subsets.put("privacy", List.of(stack -> print(PrivacyBenchmarks.measure(functionClasspath))));
        subsets.put("agencies", List.of(stack -> print(AgencyReportScaling.measure(stack.dynamoDb()))));
        subsets.put("benchmarking", List.of(stack -> print(AgencyBenchmarkScaling.measure(stack.dynamoDb()))));
        List<Part> everything = new ArrayList<>(List.of(
                stack -> print(ColdStarts.measure(stack, template, functionClasspath, WARM_UP_ROUNDS, ROUNDS)),
                stack -> print(LoadBenchmarks.measure(functionClasspath)),
                stack -> BookingBenchmarks.measure(functionClasspath).forEach(Benchmarks::print),
                stack -> print(RollUpScaling.measure(stack.dynamoDb(), ROLL_UP_SIZES))));
        subsets.values().forEach(parts -> parts.stream().filter(part -> !everything.contains(part)).forEach(everything::add));
        List<Part> parts = java.util.Arrays.stream(args).filter(subsets::containsKey).findFirst()
                .map(subsets::get).orElse(everything);
        // Event sources off: nothing but the benchmarks' own invocations runs a handler or calls DynamoDB.
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().port(0).seedDemoData(true)
                .eventSources(false).projectRoot(root))) {
            for (Part part : parts) {
                part.print(stack);
            }
        }
        System.out.printf("All benchmarks: %d s.%n", Math.round((System.nanoTime() - start) / 1e9));
    }

    /** What a deployment uploads: the portal built, each page with its header and footer put in. */
    private static Path builtPortal(Path root) throws java.io.IOException {
        PortalBuild portal = new PortalBuild(root.resolve("portal"), root.resolve("infrastructure/target/portal"));
        portal.build();
        return portal.output();
    }

    private static Table callCounts(List<Path> functionClasspath) throws Exception {
        Table table = new Table("DynamoDB calls per operation",
                "How measured: the real handlers, built by their no-arg constructors and invoked in process with real"
                        + " events against the local DynamoDB, moto (event sources off), every SDK call counted by an execution"
                        + " interceptor; items from the responses (GetItem found, Query Count) and requests (Put/Update 1,"
                        + " TransactWriteItems its Puts/Updates/Deletes).",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Other AWS calls");
        CountingClassLoader.runCounted(functionClasspath, CallCounts.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    private static Table paymentCalls(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Paying for a booking: DynamoDB calls",
                "The real BookingPaymentsHandler, warm, invoked in process against the local DynamoDB (moto) and the local"
                        + " stand-in for Stripe; the webhook signed as Stripe signs. Write units: a transactional write costs 2 per"
                        + " item of up to 1 KB.",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Write units");
        CountingClassLoader.runCounted(functionClasspath, PaymentCallCounts.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    private static void print(Table table) {
        System.out.println();
        System.out.print(table.render());
    }
}

package io.civicdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.LocalStack;
import io.civicdesk.local.template.FunctionDefinition;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Json;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Cold start per function against a floor. Every run is a fresh JVM — the same java binary, the function's code as
 * deployed (the shaded jar) plus these bench classes for the probe, the template's JAVA_TOOL_OPTIONS, and the
 * function's environment pointing at the running local stack — in which {@link ColdStartProbe} builds the handler
 * and invokes it once. Runs go round-robin (the floor, then each function, and again), so a change in the
 * machine's load falls on all alike; the first rounds warm the OS file cache and are not counted.
 */
final class ColdStarts {
    /** A run that takes longer than this is stuck, not slow (a loaded 2-core CI machine took over a minute once). */
    private static final long RUN_LIMIT_SECONDS = 180;
    private static final int OUTPUT_KEPT_FOR_ERRORS = 30;

    /** One kind of JVM to start again and again. {@code skipped} says why it is not run at all. */
    private record Subject(String name, String event, List<String> arguments, Map<String, String> environment,
                           String skipped) {
    }

    private record Run(long wallNanos, long handlerNanos, String result) {
    }

    private final LocalStack stack;
    private final String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classpath;

    private ColdStarts(LocalStack stack, List<Path> classpath) {
        this.stack = stack;
        this.classpath = classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    static Table measure(LocalStack stack, SamTemplate template, List<Path> classpath, int warmUpRounds, int rounds)
            throws IOException, InterruptedException {
        ColdStarts coldStarts = new ColdStarts(stack, classpath);
        Map<String, String> pathParameters = Map.of("serviceId", "missed-bin", "reference", coldStarts.submitOne());
        List<Subject> subjects = new ArrayList<>();
        subjects.add(coldStarts.floor());
        template.functions().forEach(function -> subjects.add(coldStarts.subject(function, pathParameters)));

        Map<Subject, List<Run>> runs = new LinkedHashMap<>();
        subjects.forEach(subject -> runs.put(subject, new ArrayList<>()));
        // In template order, each round's report (with an email address) writes one mail before the mail sender
        // runs: every counted sweep has exactly that one mail due (the warm-up round also sends the tracked one's).
        for (int round = 0; round < warmUpRounds + rounds; round++) {
            for (Subject subject : subjects) {
                if (subject.skipped() == null) {
                    Run run = coldStarts.launch(subject);
                    if (round >= warmUpRounds) {
                        runs.get(subject).add(run);
                    }
                }
            }
        }

        Table table = new Table("Cold start per function (fresh JVM to first response), against a floor",
                "How measured: " + rounds + " runs per row after " + warmUpRounds + " warm-up round(s), round-robin, each a new JVM"
                        + " (-Xshare:auto, the template's JAVA_TOOL_OPTIONS) against the local stack; wall = process start"
                        + " to the probe's line; handler = median of class load +"
                        + " constructor + first invoke, timed in the child; over floor = median wall minus the floor's.",
                "Function", "Event", "Runs", "Median ms", "Min", "Max", "Handler ms", "Over floor ms", "Result");
        long floorMedian = median(runs.get(subjects.get(0)).stream().mapToLong(Run::wallNanos).toArray());
        runs.forEach((subject, measured) -> {
            if (subject.skipped() != null) {
                table.add(subject.name(), subject.event(), 0, "-", "-", "-", "-", "-", subject.skipped());
                return;
            }
            long[] wall = measured.stream().mapToLong(Run::wallNanos).sorted().toArray();
            long wallMedian = median(wall);
            table.add(subject.name(), subject.event(), wall.length, millis(wallMedian), millis(wall[0]),
                    millis(wall[wall.length - 1]), millis(median(measured.stream().mapToLong(Run::handlerNanos).toArray())),
                    subject == subjects.get(0) ? "-" : String.format("%+d", Math.round((wallMedian - floorMedian) / 1e6)),
                    measured.stream().map(run -> describe(run.result())).distinct().collect(Collectors.joining(" / ")));
        });
        return table;
    }

    /**
     * One handler's cold starts and the floor's, round-robin ({@code warmUpRounds} first, uncounted): the wall
     * nanoseconds of each counted run, the handler's in {@code [0]} and the floor's in {@code [1]}. For a table of
     * its own (the search benchmark's, over an index it stored first).
     */
    static long[][] handlerAndFloor(LocalStack stack, List<Path> classpath, String handlerClass, String routeKey,
                                    Collection<String> templateVariables, int warmUpRounds, int rounds)
            throws IOException, InterruptedException {
        ColdStarts coldStarts = new ColdStarts(stack, classpath);
        Subject handler = new Subject(handlerClass, routeKey, List.of(handlerClass, routeKey),
                coldStarts.environment(templateVariables), null);
        Subject floor = coldStarts.floor();
        long[][] runs = new long[2][rounds];
        for (int round = 0; round < warmUpRounds + rounds; round++) {
            Run ran = coldStarts.launch(handler);
            Run floored = coldStarts.launch(floor);
            if (round >= warmUpRounds) {
                runs[0][round - warmUpRounds] = ran.wallNanos();
                runs[1][round - warmUpRounds] = floored.wallNanos();
            }
        }
        return runs;
    }

    /** The floor runs with the catalogue's table name and the JVM options every function gets from Globals. */
    private Subject floor() {
        return new Subject("Floor (" + FloorHandler.class.getSimpleName() + ")", "GET / (ignored)",
                List.of(FloorHandler.class.getName(), "GET /"),
                environment(List.of("CATALOG_TABLE", "JAVA_TOOL_OPTIONS")), null);
    }

    /** A function's run: its first route with sample path parameters, or its schedule when it has no route. */
    private Subject subject(FunctionDefinition function, Map<String, String> samples) {
        Map<String, String> environment = environment(function.environment().keySet());
        List<String> arguments = new ArrayList<>(List.of(function.handlerClass()));
        if (!function.routes().isEmpty()) {
            FunctionDefinition.HttpRoute route = function.routes().get(0);
            arguments.add(route.routeKey());
            for (String segment : route.path().split("/")) {
                if (segment.startsWith("{")) {
                    String name = segment.substring(1, segment.length() - 1);
                    if (!samples.containsKey(name)) {
                        return new Subject(function.logicalId(), route.routeKey(), arguments, environment,
                                "not run: no sample value for {" + name + "}");
                    }
                    arguments.add(name + "=" + samples.get(name));
                }
            }
            return new Subject(function.logicalId(), route.routeKey(), arguments, environment, null);
        }
        if (!function.schedules().isEmpty()) {
            arguments.add(ColdStartProbe.SCHEDULE);
            function.schedules().get(0).input().ifPresent(arguments::add);
            return new Subject(function.logicalId(), "schedule " + function.schedules().get(0).name(), arguments,
                    environment, null);
        }
        return new Subject(function.logicalId(), "-", arguments, environment, "not run: no route or schedule to sample");
    }

    /**
     * Lambda's environment for the function: the template's variables, with the values the local stack resolved
     * them to (it sets each as a system property of the same name), and the SDK pointed at the stack.
     */
    private Map<String, String> environment(Collection<String> templateVariables) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LANG", "C.UTF-8");
        environment.put("AWS_REGION", property("aws.region"));
        environment.put("AWS_ACCESS_KEY_ID", property("aws.accessKeyId"));
        environment.put("AWS_SECRET_ACCESS_KEY", property("aws.secretAccessKey"));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint());
        environment.put("AWS_ENDPOINT_URL_SESV2", stack.mailbox().url());
        environment.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", stack.dynamoDbEndpoint());
        templateVariables.forEach(name -> environment.put(name, property(name)));
        // The stack's day, when it runs on a chosen one (the tests do): not a setting the template gives.
        String offset = System.getProperty(Clocks.OFFSET);
        if (offset != null) {
            environment.put(Clocks.OFFSET, offset);
        }
        return environment;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("The local stack did not set " + name);
        }
        return value;
    }

    private Run launch(Subject subject) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary, "-Xshare:auto", "-cp", classpath, ColdStartProbe.class.getName()));
        command.addAll(subject.arguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what Lambda would give the function: nothing of this shell's AWS settings.
        builder.environment().clear();
        builder.environment().putAll(subject.environment());
        Deque<String> output = new ArrayDeque<>();
        long start = System.nanoTime();
        Process process = builder.start();
        process.onExit().orTimeout(RUN_LIMIT_SECONDS, TimeUnit.SECONDS).exceptionally(stuck -> process.destroyForcibly());
        try (BufferedReader lines = process.inputReader()) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(ColdStartProbe.DONE + " ")) {
                    long wall = System.nanoTime() - start;
                    String[] parts = line.split(" ", 3);
                    lines.transferTo(Writer.nullWriter());
                    process.waitFor();
                    // A 4xx is a real answer (a route the probe holds no sign-in or private key for): shown in Result.
                    if (parts[2].startsWith("HTTP 5")) {
                        throw failure(subject, "answered " + parts[2], output);
                    }
                    return new Run(wall, Long.parseLong(parts[1]), parts[2]);
                }
                output.addLast(line);
                if (output.size() > OUTPUT_KEPT_FOR_ERRORS) {
                    output.removeFirst();
                }
            }
        }
        throw failure(subject, "exited " + process.waitFor() + " without its result line", output);
    }

    /** The child's own output: handler logs carry no personal information, and the JVM's errors say what broke. */
    private static IllegalStateException failure(Subject subject, String what, Collection<String> output) {
        return new IllegalStateException(subject.name() + " cold start " + what + ":\n  " + String.join("\n  ", output));
    }

    /** A request to track, made through the local gateway before the runs. */
    private String submitOne() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/requests"))
                        .header("content-type", "application/json").header("idempotency-key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(Events.report())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("The local stack answered " + response.statusCode() + " to the sample report");
        }
        return Json.MAPPER.readTree(response.body()).path("reference").asText();
    }

    /** "HTTP 200" as it is; a mail sender's outcome as its non-zero counts ("sent 1"). */
    private static String describe(String result) {
        if (!result.startsWith("{")) {
            return result;
        }
        try {
            List<String> counts = new ArrayList<>();
            Json.MAPPER.readTree(result).fields().forEachRemaining(field -> {
                JsonNode count = field.getValue();
                if (count.asInt() != 0) {
                    counts.add(field.getKey() + " " + count.asInt());
                }
            });
            return counts.isEmpty() ? "nothing to send" : String.join(", ", counts);
        } catch (IOException e) {
            return result;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}

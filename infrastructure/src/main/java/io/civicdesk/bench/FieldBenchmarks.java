package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.staff.StaffQueueHandler;
import io.civicdesk.staff.StaffRequestHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "My day" on a phone (docs/field.md): what the staff service worker caches, what the page keeps in IndexedDB for an
 * officer with {@value #ASSIGNED} assigned requests (the answers it reads, as the API sends them), and the DynamoDB
 * calls of reading that work and of sending a queue of {@value #QUEUED} changes made without signal, each with its
 * idempotency key, and of sending them all again (the answers were lost: each is given its first answer).
 */
public final class FieldBenchmarks {
    static final int ASSIGNED = 50;
    static final int QUEUED = 10;
    private static final String QUEUE = "GET /staff/queue";
    private static final String VIEW = "GET /staff/requests/{reference}";
    private static final String ACT = "POST /staff/requests/{reference}/actions";
    private static final Pattern SHELL_FILE = Pattern.compile("'(\\.{1,2}/[^']+)'");

    private final List<String[]> rows = new ArrayList<>();

    private FieldBenchmarks() {
    }

    static Table measure(List<Path> functionClasspath, Path portal) throws Exception {
        Table table = new Table("My day: bytes kept on the phone and DynamoDB calls",
                "How measured: an officer with " + ASSIGNED + " open assigned requests (missed bins, no photos), the real staff"
                        + " handlers warm, in process against moto, every SDK call counted. The shell is the files sw.js"
                        + " caches, from the built portal (config.js is written by the server: not counted); IndexedDB holds the"
                        + " answers of the queue and of each request as sent (the request pages' JSON).",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Bytes kept");
        table.add("Service worker cache: the staff shell (" + shell(portal).size() + " files)", "-", "-", "-", "-",
                Long.toString(shellBytes(portal)));
        CountingClassLoader.runCounted(functionClasspath, FieldBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** The files sw.js lists, relative to the portal. */
    static List<Path> shell(Path portal) throws IOException {
        String worker = Files.readString(portal.resolve("staff/sw.js"));
        List<Path> files = new ArrayList<>();
        Matcher file = SHELL_FILE.matcher(worker.substring(worker.indexOf("const SHELL"), worker.indexOf("].map(")));
        while (file.find()) {
            Path path = portal.resolve("staff").resolve(file.group(1)).normalize();
            if (Files.isRegularFile(path)) {
                files.add(path);
            }
        }
        return files;
    }

    private static long shellBytes(Path portal) throws IOException {
        long bytes = 0;
        for (Path file : shell(portal)) {
            bytes += Files.size(file);
        }
        return bytes;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws IOException {
        FieldBenchmarks bench = new FieldBenchmarks();
        bench.measureAll();
        return bench.rows;
    }

    private void measureAll() throws IOException {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalogTable = Config.require("CATALOG_TABLE");
        BenchUnit bench = BenchUnit.create(dynamo, catalogTable, "field", "Field benchmark");
        String suffix = bench.suffix();
        String serviceId = bench.serviceId();
        StaffMember officer = bench.officer();
        Map<String, String> claims = bench.claims();

        RequestWiring wiring = RequestWiring.of(dynamo, Config.require("REQUESTS_TABLE"), catalogTable,
                Config.require("OUTBOX_TABLE"), Clock.systemUTC(), Config.require("PORTAL_URL"));
        SubmitRequestService submissions = wiring.submissions();
        StaffRequestHandler handling = new StaffRequestHandler();
        StaffQueueHandler queue = new StaffQueueHandler();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < ASSIGNED; i++) {
            Map<String, Object> report = new LinkedHashMap<>(Json.MAPPER.convertValue(Json.parseBody(Events.report()), Map.class));
            report.put("serviceId", serviceId);
            String reference = Json.parseBody(submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(report)),
                    Optional.empty()).body()).path("reference").asText();
            references.add(reference);
            StaffBenchmarks.invoke(handling, staff(ACT, reference, null, Json.write(Map.of("action", "assign",
                    "officerId", officer.id(), "expectedVersion", 1)), claims));
        }
        StaffBenchmarks.invoke(queue, staff(QUEUE, null, Map.of("limit", "100", "assigned", "me"), null, claims));

        // Reading the work, as the page does when it is online: the queue, then each request.
        CallCounter.takeAll();
        long kept = body(queue, staff(QUEUE, null, Map.of("limit", "100", "assigned", "me"), null, claims)).length;
        for (String reference : references) {
            kept += body(handling, staff(VIEW, reference, null, null, claims)).length;
        }
        rows.add(withBytes(StaffBenchmarks.row("Reading " + ASSIGNED + " assigned requests (the queue, then each request)",
                CallCounter.takeAll()), kept));

        List<String[]> changes = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            changes.add(new String[] {references.get(i), "field-bench-" + suffix + "-" + i,
                    Json.write(Map.of("action", "note", "note", "Visited: bin emptied.", "expectedVersion", 2))});
        }
        CallCounter.takeAll();
        for (String[] change : changes) {
            StaffBenchmarks.invoke(handling, keyed(staff(ACT, change[0], null, change[2], claims), change[1]));
        }
        rows.add(withBytes(StaffBenchmarks.row("Sending a queue of " + QUEUED + " changes, each with its key", CallCounter.takeAll()), 0));
        for (String[] change : changes) {
            StaffBenchmarks.invoke(handling, keyed(staff(ACT, change[0], null, change[2], claims), change[1]));
        }
        rows.add(withBytes(StaffBenchmarks.row("The same " + QUEUED + " sent again (answers lost): first answers",
                CallCounter.takeAll()), 0));
    }

    private static String[] withBytes(String[] row, long bytes) {
        return new String[] {row[0], row[1], row[2], row[3], row[4], bytes == 0 ? "-" : Long.toString(bytes)};
    }

    private static byte[] body(io.civicdesk.platform.HttpHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = StaffBenchmarks.invoke(handler, event);
        return response.getBody().getBytes(StandardCharsets.UTF_8);
    }

    private static APIGatewayV2HTTPEvent keyed(APIGatewayV2HTTPEvent event, String key) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("idempotency-key", key);
        event.setHeaders(headers);
        return event;
    }

    private static APIGatewayV2HTTPEvent staff(String routeKey, String reference, Map<String, String> query, String body,
                                               Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = Events.http(routeKey, reference == null ? Map.of() : Map.of("reference", reference),
                body == null ? Map.of() : Map.of("content-type", "application/json"), body);
        event.setQueryStringParameters(query);
        return Events.asStaff(event, claims);
    }
}

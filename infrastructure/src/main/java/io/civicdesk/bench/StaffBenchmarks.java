package io.civicdesk.bench;

import java.util.Optional;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.RequestWiring;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.StaffActionReader;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.staff.StaffQueueHandler;
import io.civicdesk.staff.StaffRequestHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff workspace's DynamoDB calls: a queue page of 50 (first page with its counts, the next page, "assigned
 * to me"), a request's staff page, and one update (with and without a public update and its mail), over a unit
 * of {@value #OPEN_REQUESTS} open requests. The real handlers, built by their no-arg constructors and invoked in
 * process with the events API Gateway sends after its JWT authorizer checked the token, every SDK call counted by
 * {@link CallCounter} (see {@link CallCounts}). Each handler is invoked once first, uncounted, as a warm container
 * (the catalogue it keeps for five minutes is then loaded).
 */
public final class StaffBenchmarks {
    static final int OPEN_REQUESTS = 120;
    static final int ASSIGNED = 60;
    private static final String QUEUE = "GET /staff/queue";
    private static final String VIEW = "GET /staff/requests/{reference}";
    private static final String ACT = "POST /staff/requests/{reference}/actions";

    private final List<String[]> rows = new ArrayList<>();

    private StaffBenchmarks() {
    }

    /** In the bench JVM: runs {@link #run()} inside the counting class loader and tabulates its rows. */
    static Table measure(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Staff workspace: DynamoDB calls per operation",
                "How measured: as the table above, over a unit of " + OPEN_REQUESTS + " open requests (" + ASSIGNED
                        + " assigned to the caller), warm containers; items read are those DynamoDB returned"
                        + " (a filtered Query counts what matched).",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Other AWS calls");
        CountingClassLoader.runCounted(functionClasspath, StaffBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws IOException {
        StaffBenchmarks bench = new StaffBenchmarks();
        bench.measureAll();
        return bench.rows;
    }

    private void measureAll() throws IOException {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalogTable = Config.require("CATALOG_TABLE");
        BenchUnit bench = BenchUnit.create(dynamo, catalogTable, "bench", "Benchmark");
        String unitId = bench.unitId();
        String serviceId = bench.serviceId();
        StaffMember officer = bench.officer();

        StaffCaller caller = new StaffCaller(officer.id(), officer.name(), officer.email(), officer.roles(), unitId);
        RequestActions actions = wiring(dynamo, Clock.systemUTC()).actions();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < OPEN_REQUESTS; i++) {
            // Spread over the last ten days, so they fall due at different times.
            Clock clock = Clock.fixed(Instant.now().minus(Duration.ofHours(2L * i)), ZoneOffset.UTC);
            SubmitRequestService submissions = wiring(dynamo, clock).submissions();
            Map<String, Object> report = new LinkedHashMap<>(Json.MAPPER.convertValue(Json.parseBody(Events.report()), Map.class));
            report.put("serviceId", serviceId);
            // The last one has an email address, so an update to it writes a mail.
            if (i < OPEN_REQUESTS - 1) {
                report.remove("contact");
                report.put("preferredChannel", "none");
            }
            Idempotency.Answer submitted = submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(report)), Optional.empty());
            String reference = Json.parseBody(submitted.body()).path("reference").asText();
            references.add(reference);
            if (i % 2 == 0) {
                actions.act(caller, new Reference(reference), StaffActionReader.read(Json.MAPPER.valueToTree(Map.of(
                        "action", "assign", "officerId", officer.id(), "expectedVersion", 1))));
            }
        }
        Map<String, String> claims = bench.claims();

        StaffQueueHandler queue = new StaffQueueHandler();
        StaffRequestHandler handling = new StaffRequestHandler();
        invoke(queue, staff("GET /staff/me", Map.of(), Map.of(), null, claims));
        String target = references.get(OPEN_REQUESTS - 1);
        invoke(handling, staff(VIEW, Map.of("reference", references.get(1)), Map.of(), null, claims));

        JsonNode first = http("GET /staff/queue, first page of 50 with counts", queue,
                staff(QUEUE, Map.of(), Map.of("limit", "50"), null, claims));
        http("GET /staff/queue, next page of 50 (cursor)", queue, staff(QUEUE, Map.of(),
                Map.of("limit", "50", "cursor", first.path("nextCursor").asText()), null, claims));
        http("GET /staff/queue?assigned=me, first page of 50", queue,
                staff(QUEUE, Map.of(), Map.of("limit", "50", "assigned", "me"), null, claims));
        http("GET /staff/queue?due=overdue, first page of 50", queue,
                staff(QUEUE, Map.of(), Map.of("limit", "50", "due", "overdue"), null, claims));
        JsonNode view = http(VIEW, handling, staff(VIEW, Map.of("reference", target), Map.of(), null, claims));
        long version = view.path("version").asLong();
        http(ACT + ": note (one update)", handling, staff(ACT, Map.of("reference", target), Map.of(),
                Json.write(Map.of("action", "note", "note", "Benchmark note.", "expectedVersion", version)), claims));
        http(ACT + ": status with a public update and its mail", handling, staff(ACT, Map.of("reference", target), Map.of(),
                Json.write(Map.of("action", "status", "status", "in-progress", "publicMessage", "On its way.",
                        "expectedVersion", version + 1)), claims));
    }

    private static APIGatewayV2HTTPEvent staff(String routeKey, Map<String, String> pathParameters,
                                               Map<String, String> query, String body, Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = Events.http(routeKey, pathParameters,
                body == null ? Map.of() : Map.of("content-type", "application/json"), body);
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return Events.asStaff(event, claims);
    }

    static APIGatewayV2HTTPResponse invoke(HttpHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext(handler.getClass().getSimpleName()));
        if (response.getStatusCode() / 100 != 2) {
            throw new IllegalStateException(event.getRouteKey() + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    private JsonNode http(String operation, HttpHandler handler, APIGatewayV2HTTPEvent event) throws IOException {
        CallCounter.takeAll();
        APIGatewayV2HTTPResponse response = invoke(handler, event);
        record(operation, CallCounter.takeAll());
        return Json.MAPPER.readTree(response.getBody());
    }

    private void record(String operation, Map<String, CallCounter.Tally> tallies) {
        rows.add(row(operation, tallies));
    }

    /** A row of the calls tables: the operation, its DynamoDB calls (by operation, items read and written), other AWS calls. */
    static String[] row(String operation, Map<String, CallCounter.Tally> tallies) {
        int calls = 0;
        long read = 0;
        long written = 0;
        List<String> byOperation = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, CallCounter.Tally> entry : tallies.entrySet()) {
            String service = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            CallCounter.Tally tally = entry.getValue();
            String text = tally.calls() + " " + entry.getKey().substring(service.length() + 1);
            if (service.equals("DynamoDb")) {
                calls += tally.calls();
                read += tally.itemsRead();
                written += tally.itemsWritten();
                byOperation.add(text);
            } else {
                others.add(service + ": " + text);
            }
        }
        return new String[] {operation, Integer.toString(calls), String.join(", ", byOperation), Long.toString(read),
                Long.toString(written), others.isEmpty() ? "-" : String.join(", ", others)};
    }

    private static RequestWiring wiring(DynamoDbClient dynamo, Clock clock) {
        return RequestWiring.of(dynamo, Config.require("REQUESTS_TABLE"), Config.require("CATALOG_TABLE"),
                Config.require("OUTBOX_TABLE"), clock, Config.require("PORTAL_URL"));
    }
}

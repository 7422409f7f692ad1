package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.Json;
import io.civicdesk.privacy.PrivacyHandler;
import io.civicdesk.requests.SubmitRequestHandler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A subject-access search and an erasure for a resident with N requests (each with its confirmation mail, so 2N
 * records), through the real PrivacyHandler as an administrator, warm. Found through the lookup indexes: the
 * calls grow with the records found (BatchGetItem of a hundred keys, one write per record erased), never with
 * the size of the tables, and there is no Scan.
 */
public final class PrivacyBenchmarks {
    private static final int[] RECORDS = {1, 10, 50};

    private final List<String[]> rows = new ArrayList<>();
    private final SubmitRequestHandler submit = new SubmitRequestHandler();
    private final PrivacyHandler privacy = new PrivacyHandler();

    private PrivacyBenchmarks() {
    }

    static Table measure(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Privacy: DynamoDB calls for a resident's records",
                "How measured: the real PrivacyHandler, warm, as the demo administrator, against the local DynamoDB with"
                        + " the demo council's records; the resident made N missed-bin reports (each writes a confirmation"
                        + " mail, so 2N records) under one email and phone.",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written");
        CountingClassLoader.runCounted(functionClasspath, PrivacyBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws IOException {
        PrivacyBenchmarks bench = new PrivacyBenchmarks();
        bench.measure("warm-up@example.com", 1, false);
        bench.rows.clear();
        for (int records : RECORDS) {
            bench.measure("subject+" + UUID.randomUUID() + "@example.com", records, true);
        }
        return bench.rows;
    }

    private void measure(String email, int reports, boolean counted) throws IOException {
        String phone = "08 9" + String.format("%07d", Math.abs(email.hashCode()) % 10_000_000);
        for (int i = 0; i < reports; i++) {
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(Events.report());
            ((ObjectNode) body.path("contact")).put("email", email).put("phone", phone);
            invoke(submit, Events.http(Events.SUBMIT_ROUTE, Map.of(), Map.of("content-type", "application/json",
                    "idempotency-key", UUID.randomUUID().toString()), Json.write(body)));
        }
        String subject = Json.write(Map.of("email", email, "phone", phone));
        call("POST /staff/privacy/subjects/search: " + reports + " requests, " + 2 * reports + " records",
                "POST /staff/privacy/subjects/search", subject, counted);
        call("POST /staff/privacy/subjects/erase: " + reports + " requests, " + 2 * reports + " records",
                "POST /staff/privacy/subjects/erase", Json.write(Map.of("email", email, "phone", phone, "confirm", true)), counted);
    }

    private void call(String operation, String route, String body, boolean counted) {
        CallCounter.takeAll();
        invoke(privacy, Events.asStaff(Events.http(route, Map.of(), Map.of("content-type", "application/json"), body),
                Events.STAFF_ADMIN));
        CallCounter.DynamoDbTotals totals = CallCounter.DynamoDbTotals.of(CallCounter.takeAll());
        if (counted) {
            rows.add(new String[] {operation, Integer.toString(totals.calls()), totals.byOperation(),
                    Long.toString(totals.itemsRead()), Long.toString(totals.itemsWritten())});
        }
    }

    private static APIGatewayV2HTTPResponse invoke(HttpHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext(handler.getClass().getSimpleName()));
        if (response.getStatusCode() / 100 != 2) {
            throw new IllegalStateException(event.getRouteKey() + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }
}

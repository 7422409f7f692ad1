package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.SubmitRequestHandler;
import io.civicdesk.staff.StaffRequestHandler;
import io.civicdesk.tracking.ResidentRequestHandler;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resident's side of a request's conversation, in DynamoDB calls and bytes: a reply to "waiting for your
 * reply" (and its retry with the same Idempotency-Key), more information, "not fixed", and following by email
 * (ask, confirm, unfollow). The real handlers, built by their no-arg constructors, invoked in process against the
 * local DynamoDB (the demo's catalogue), every SDK call and its HTTP body bytes counted by {@link CallCounter}.
 * Each handler is invoked once first, uncounted, as a warm container.
 */
public final class ReplyBenchmarks {
    private static final String ACT = "POST /staff/requests/{reference}/actions";
    private static final String REPLY = "POST /requests/{reference}/replies";
    private static final Map<String, String> SAM = Map.of("sub", "demo-officer-waste", "name", "Sam Nguyen",
            "email", "sam.nguyen@melaleuca.example", "cognito:groups", "[officer]", "custom:unit", "waste", "token_use", "id");

    private final List<String[]> rows = new ArrayList<>();
    private final SubmitRequestHandler submit = new SubmitRequestHandler();
    private final StaffRequestHandler staff = new StaffRequestHandler();
    private final ResidentRequestHandler resident = new ResidentRequestHandler();

    private ReplyBenchmarks() {
    }

    /** In the bench JVM: runs {@link #run()} inside the counting class loader and tabulates its rows. */
    static Table measure(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Replies and following: DynamoDB calls and bytes per operation",
                "How measured: as the tables above, warm containers, on a missed-bin report assigned to its officer;"
                        + " bytes are the HTTP bodies' Content-Length to and from DynamoDB (and the outbox, which is a table).",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Bytes sent",
                "Bytes received");
        CountingClassLoader.runCounted(functionClasspath, ReplyBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws IOException {
        ReplyBenchmarks bench = new ReplyBenchmarks();
        bench.warmUp();
        bench.measureAll();
        return bench.rows;
    }

    private void warmUp() throws IOException {
        Reported reported = reported();
        invoke(resident, Events.http(REPLY, reported.path(), reported.keyed(), Json.write(Map.of("message", "Warm."))));
    }

    private void measureAll() throws IOException {
        Reported waiting = reported();
        act(waiting, Map.of("action", "status", "status", "waiting-on-customer", "publicMessage", "Which bin was it?",
                "expectedVersion", 2));
        Map<String, String> once = new HashMap<>(waiting.keyed());
        once.put("idempotency-key", "bench-" + UUID.randomUUID());
        String answer = Json.write(Map.of("message", "The yellow one, by the letterbox."));
        http(REPLY + ": reply to waiting for your reply (resumes the clock, mails the officer)", resident,
                Events.http(REPLY, waiting.path(), once, answer));
        http(REPLY + ": the same reply retried (same Idempotency-Key)", resident, Events.http(REPLY, waiting.path(), once, answer));
        http(REPLY + ": more information while open", resident, Events.http(REPLY, waiting.path(), waiting.keyed(),
                Json.write(Map.of("message", "It was knocked over by the wind, too."))));

        Reported resolved = reported();
        act(resolved, Map.of("action", "resolve", "resolution", "Collected.", "expectedVersion", 2));
        http("POST /requests/{reference}/not-fixed (reopens)", resident, Events.http("POST /requests/{reference}/not-fixed",
                resolved.path(), resolved.keyed(), Json.write(Map.of("reason", "Still on the verge."))));

        String email = "follower+" + UUID.randomUUID() + "@example.com";
        http("POST /requests/{reference}/followers (adds, mails the confirmation)", resident,
                Events.http("POST /requests/{reference}/followers", waiting.path(), Map.of(), Json.write(Map.of("email", email))));
        String token = followerToken(waiting.reference());
        http("POST /requests/{reference}/followers/confirm", resident, Events.http("POST /requests/{reference}/followers/confirm",
                waiting.path(), Map.of(), Json.write(Map.of("token", token))));
        http("POST /requests/{reference}/followers/unfollow", resident, Events.http("POST /requests/{reference}/followers/unfollow",
                waiting.path(), Map.of(), Json.write(Map.of("token", token))));
    }

    /** A report, assigned to Sam (so a reply mails him): its reference and private key. */
    private record Reported(String reference, String key) {
        Map<String, String> path() {
            return Map.of("reference", reference);
        }

        Map<String, String> keyed() {
            return Map.of("x-private-key", key);
        }
    }

    private Reported reported() throws IOException {
        JsonNode receipt = Json.MAPPER.readTree(invoke(submit, Events.submit()).getBody());
        String link = receipt.path("privateLink").asText();
        Reported reported = new Reported(receipt.path("reference").asText(), link.substring(link.indexOf("#key=") + 5));
        act(reported, Map.of("action", "assign", "officerId", "demo-officer-waste", "expectedVersion", 1));
        return reported;
    }

    private void act(Reported reported, Map<String, Object> action) {
        invoke(staff, Events.asStaff(Events.http(ACT, reported.path(), Map.of("content-type", "application/json"),
                Json.write(action)), SAM));
    }

    /** The newest follower's token, as their confirmation mail carries it (read uncounted, before the next call). */
    private static String followerToken(String reference) {
        Map<String, AttributeValue> item = AwsClients.dynamoDb().getItem(get -> get.tableName(Config.require("REQUESTS_TABLE"))
                .key(Map.of("pk", AttributeValue.fromS("REQUEST#" + reference), "sk", AttributeValue.fromS("REQUEST")))).item();
        List<AttributeValue> followers = item.get("followers").l();
        return followers.get(followers.size() - 1).m().get("token").s();
    }

    private static APIGatewayV2HTTPResponse invoke(HttpHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext(handler.getClass().getSimpleName()));
        if (response.getStatusCode() / 100 != 2) {
            throw new IllegalStateException(event.getRouteKey() + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    private void http(String operation, HttpHandler handler, APIGatewayV2HTTPEvent event) {
        CallCounter.takeAll();
        CallCounter.takeBytes();
        invoke(handler, event);
        CallCounter.DynamoDbTotals totals = CallCounter.DynamoDbTotals.of(CallCounter.takeAll());
        long[] bytes = CallCounter.takeBytes();
        rows.add(new String[] {operation, Integer.toString(totals.calls()), totals.byOperation(),
                Long.toString(totals.itemsRead()), Long.toString(totals.itemsWritten()), Long.toString(bytes[0]),
                Long.toString(bytes[1])});
    }
}

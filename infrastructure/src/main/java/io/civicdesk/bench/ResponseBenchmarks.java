package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.feedback.FeedbackHandler;
import io.civicdesk.feedback.FeedbackStaffHandler;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.SubmitRequestHandler;
import io.civicdesk.responses.ResponsesHandler;
import io.civicdesk.staff.StaffRequestHandler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Response templates in DynamoDB calls and bytes: what an officer is offered on a request and on a complaint (the
 * templates filled in), and sending the templated words (the officer's edit of them) as a public update and as a
 * complaint's answer. The real handlers, built by their no-arg constructors, invoked in process against the local
 * DynamoDB (the demo's catalogue and the product's default templates), each invoked once first, uncounted.
 */
public final class ResponseBenchmarks {
    private static final String REQUEST_OFFER = "GET /staff/requests/{reference}/responses";
    private static final String COMPLAINT_OFFER = "GET /staff/complaints/{reference}/responses";
    private static final String ACT = "POST /staff/requests/{reference}/actions";
    private static final String ANSWER = "POST /staff/complaints/{reference}/answer";
    private static final Map<String, String> SAM = Map.of("sub", "demo-officer-waste", "name", "Sam Nguyen",
            "email", "sam.nguyen@melaleuca.example", "cognito:groups", "[officer]", "custom:unit", "waste", "token_use", "id");

    private final List<String[]> rows = new ArrayList<>();
    private final SubmitRequestHandler submit = new SubmitRequestHandler();
    private final FeedbackHandler feedback = new FeedbackHandler();
    private final StaffRequestHandler staff = new StaffRequestHandler();
    private final FeedbackStaffHandler complaints = new FeedbackStaffHandler();
    private final ResponsesHandler responses = new ResponsesHandler();

    private ResponseBenchmarks() {
    }

    /** In the bench JVM: runs {@link #run()} inside the counting class loader and tabulates its rows. */
    static Table measure(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Response templates: DynamoDB calls and bytes per operation",
                "How measured: as the tables above, warm containers, as Sam Nguyen (Waste Services), on a missed-bin report"
                        + " and a complaint about the service; the product's 21 default"
                        + " templates and the demo council's 6 from its catalogue file. Bytes are the HTTP bodies' Content-Length to and from DynamoDB.",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "Bytes sent",
                "Bytes received");
        CountingClassLoader.runCounted(functionClasspath, ResponseBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws IOException {
        ResponseBenchmarks bench = new ResponseBenchmarks();
        String warmRequest = bench.reported();
        String warmComplaint = bench.complaint();
        invoke(bench.responses, offer(REQUEST_OFFER, warmRequest, "status=acknowledged"));
        invoke(bench.responses, offer(COMPLAINT_OFFER, warmComplaint, "use=answer"));
        invoke(bench.complaints, answer(warmComplaint, "Warm."));
        bench.measureAll();
        return bench.rows;
    }

    private void measureAll() throws IOException {
        String request = reported();
        JsonNode offered = Json.MAPPER.readTree(http(REQUEST_OFFER + "?status=acknowledged: the templates, filled in",
                responses, offer(REQUEST_OFFER, request, "status=acknowledged")).getBody());
        String edited = offered.path("templates").get(0).path("text").asText() + " We will be there on Thursday.";
        http(ACT + ": acknowledge with the edited template", staff, Events.asStaff(Events.http(ACT, Map.of("reference", request),
                Map.of("content-type", "application/json"), Json.write(Map.of("action", "acknowledge", "publicMessage", edited,
                        "expectedVersion", 1))), SAM));

        String complaint = complaint();
        JsonNode answers = Json.MAPPER.readTree(http(COMPLAINT_OFFER + "?use=answer: the templates, filled in", responses,
                offer(COMPLAINT_OFFER, complaint, "use=answer")).getBody());
        http(ANSWER + ": the edited template as the reasons (mails the complainant)", complaints,
                answer(complaint, answers.path("templates").get(0).path("text").asText().replace("What we found: ",
                        "What we found: the round skipped your street.")));
    }

    private String reported() throws IOException {
        return Json.MAPPER.readTree(invoke(submit, Events.submit()).getBody()).path("reference").asText();
    }

    private String complaint() throws IOException {
        return Json.MAPPER.readTree(invoke(feedback, Events.http("POST /feedback", Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", UUID.randomUUID().toString()),
                Json.write(Map.of("kind", "complaint", "about", Map.of("serviceId", "missed-bin"),
                        "message", "My bin was missed again.", "contact", Map.of("name", "Robin Resident",
                                "email", "complainant+" + UUID.randomUUID() + "@example.com"))))).getBody())
                .path("reference").asText();
    }

    private static APIGatewayV2HTTPEvent offer(String route, String reference, String query) {
        APIGatewayV2HTTPEvent event = Events.http(route, Map.of("reference", reference), Map.of(), null);
        String[] pair = query.split("=");
        event.setQueryStringParameters(Map.of(pair[0], pair[1]));
        event.setRawQueryString(query);
        return Events.asStaff(event, SAM);
    }

    private static APIGatewayV2HTTPEvent answer(String reference, String reasons) {
        return Events.asStaff(Events.http(ANSWER, Map.of("reference", reference), Map.of("content-type", "application/json"),
                Json.write(Map.of("outcome", "upheld", "reasons", reasons))), SAM);
    }

    private static APIGatewayV2HTTPResponse invoke(HttpHandler handler, APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext(handler.getClass().getSimpleName()));
        if (response.getStatusCode() / 100 != 2) {
            throw new IllegalStateException(event.getRouteKey() + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    private APIGatewayV2HTTPResponse http(String operation, HttpHandler handler, APIGatewayV2HTTPEvent event) {
        CallCounter.takeAll();
        CallCounter.takeBytes();
        APIGatewayV2HTTPResponse response = invoke(handler, event);
        CallCounter.DynamoDbTotals totals = CallCounter.DynamoDbTotals.of(CallCounter.takeAll());
        long[] bytes = CallCounter.takeBytes();
        rows.add(new String[] {operation, Integer.toString(totals.calls()), totals.byOperation(),
                Long.toString(totals.itemsRead()), Long.toString(totals.itemsWritten()), Long.toString(bytes[0]),
                Long.toString(bytes[1])});
        return response;
    }
}

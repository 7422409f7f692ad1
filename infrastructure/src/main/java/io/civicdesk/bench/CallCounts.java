package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.articles.ArticlesHandler;
import io.civicdesk.catalog.CatalogHandler;
import io.civicdesk.notify.MailSenderHandler;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.SubmitRequestHandler;
import io.civicdesk.tracking.TrackRequestHandler;
import io.civicdesk.warnings.ServiceLevelWarningsHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB calls per API operation: the real handlers, built with their no-arg constructors as Lambda builds
 * them, invoked in this JVM with real events against the local stack, every SDK call counted by
 * {@link CallCounter}. Runs inside {@link CountingClassLoader}; {@link #run()} returns the rows as text, the
 * kind of value both class loaders share.
 */
public final class CallCounts {
    /** The SDK's name for the service (SdkExecutionAttribute.SERVICE_NAME). */
    private static final String DYNAMODB = "DynamoDb";
    private static final String TRACK_ROUTE = "GET /requests/{reference}";

    private final List<String[]> rows = new ArrayList<>();

    private CallCounts() {
    }

    /** Rows: operation, DynamoDB calls, calls by DynamoDB operation, items read, items written, other AWS calls. */
    public static List<String[]> run() throws IOException {
        CallCounts counts = new CallCounts();
        counts.measureAll();
        return counts.rows;
    }

    private void measureAll() throws IOException {
        SubmitRequestHandler submit = new SubmitRequestHandler();
        JsonNode receipt = http("POST /requests, first in a new container", submit, Events.submit());
        http("POST /requests, same container again (council, calendar cached)", submit, Events.submit());

        Map<String, String> reference = Map.of("reference", receipt.path("reference").asText());
        String privateLink = receipt.path("privateLink").asText();
        String secret = privateLink.substring(privateLink.indexOf("#key=") + "#key=".length());
        TrackRequestHandler track = new TrackRequestHandler();
        http(TRACK_ROUTE + ", public", track, Events.http(TRACK_ROUTE, reference, Map.of(), null));
        http(TRACK_ROUTE + ", private (X-Private-Key)", track,
                Events.http(TRACK_ROUTE, reference, Map.of("x-private-key", secret), null));

        CatalogHandler catalog = new CatalogHandler();
        http("GET /services", catalog, Events.sample("GET /services", Map.of()));
        http("GET /services/{serviceId}", catalog,
                Events.sample("GET /services/{serviceId}", Map.of("serviceId", "missed-bin")));

        ArticlesHandler articles = new ArticlesHandler();
        http("GET /articles/{articleId}", articles,
                Events.sample("GET /articles/{articleId}", Map.of("articleId", "bin-collection-days")));
        APIGatewayV2HTTPEvent guidance = Events.sample("GET /staff/articles", Map.of());
        guidance.setQueryStringParameters(Map.of("serviceId", "missed-bin"));
        http("GET /staff/articles?serviceId= (guidance beside a request)", articles, guidance);

        MailSenderHandler mail = new MailSenderHandler();
        String mailId = new OutboxStore(AwsClients.dynamoDb(), Config.require("OUTBOX_TABLE")).due(Instant.now(), 1).get(0);
        mail("Mail sender: stream event, 1 new mail", mail, Events.newMail(mailId), 1);
        // Uncounted: sends the other submission's mail, so that the next sweep finds nothing due.
        invoke(mail, Events.scheduled());
        mail("Mail sender: scheduled sweep, nothing due", mail, Events.scheduled(), 0);

        ServiceLevelWarningsHandler warnings = new ServiceLevelWarningsHandler();
        // Uncounted: sends whatever the demo's requests already have due, so that the counted run finds nothing.
        invoke(warnings, Events.scheduled());
        CallCounter.takeAll();
        JsonNode run = invoke(warnings, Events.scheduled());
        record("Service-level warnings run, nothing due", CallCounter.takeAll());
        if (run.path("alerts").asInt() != 0) {
            throw new IllegalStateException("The warnings run found alerts due: " + run);
        }
    }

    private JsonNode http(String operation, HttpHandler handler, APIGatewayV2HTTPEvent event) throws IOException {
        CallCounter.takeAll();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext(handler.getClass().getSimpleName()));
        record(operation, CallCounter.takeAll());
        if (response.getStatusCode() / 100 != 2) {
            throw new IllegalStateException(operation + " answered " + response.getStatusCode());
        }
        return Json.MAPPER.readTree(response.getBody());
    }

    private void mail(String operation, RequestStreamHandler handler, byte[] event, int expectedSent) throws IOException {
        CallCounter.takeAll();
        JsonNode outcome = invoke(handler, event);
        record(operation, CallCounter.takeAll());
        int handled = 0;
        for (JsonNode count : outcome) {
            handled += count.asInt();
        }
        if (outcome.path("sent").asInt() != expectedSent || handled != expectedSent) {
            throw new IllegalStateException(operation + ": expected " + expectedSent + " sent and nothing else, got " + outcome);
        }
    }

    private static JsonNode invoke(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), output, new BenchContext(handler.getClass().getSimpleName()));
        return Json.MAPPER.readTree(output.toByteArray());
    }

    private void record(String operation, Map<String, CallCounter.Tally> tallies) {
        int dynamoCalls = 0;
        long read = 0;
        long written = 0;
        List<String> dynamoByOperation = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, CallCounter.Tally> entry : tallies.entrySet()) {
            String service = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            CallCounter.Tally tally = entry.getValue();
            String calls = tally.calls() + " " + entry.getKey().substring(service.length() + 1)
                    + (tally.failed() == 0 ? "" : " (" + tally.failed() + " failed)");
            if (service.equals(DYNAMODB)) {
                dynamoCalls += tally.calls();
                read += tally.itemsRead();
                written += tally.itemsWritten();
                dynamoByOperation.add(calls);
            } else {
                others.add(service + ": " + calls);
            }
        }
        rows.add(new String[] {operation, Integer.toString(dynamoCalls), String.join(", ", dynamoByOperation),
                Long.toString(read), Long.toString(written), others.isEmpty() ? "-" : String.join(", ", others)});
    }
}

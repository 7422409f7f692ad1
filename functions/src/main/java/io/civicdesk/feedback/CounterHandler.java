package io.civicdesk.feedback;

import io.civicdesk.figures.SatisfactionFiguresStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/** {@code POST /counter/answers}: a tap on the counter tablet, whose key comes in {@code X-Counter-Key}. */
public final class CounterHandler extends HttpHandler {
    private final CounterService counter;

    public CounterHandler() {
        this(wire(AwsClients.dynamoDb()));
    }

    public CounterHandler(CounterService counter) {
        this.counter = counter;
    }

    private static CounterService wire(DynamoDbClient dynamo) {
        String table = Config.require("FEEDBACK_TABLE");
        return new CounterService(dynamo, new CounterDeviceStore(dynamo, table), new SurveyStore(dynamo, table),
                new SatisfactionFiguresStore(dynamo, table), table,
                new CatalogStore(dynamo, Config.require("CATALOG_TABLE")), Clocks.fromConfig());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String body = request.body();
        CounterService.Recorded recorded = counter.tap(request.header("X-Counter-Key").orElse(null), Json.parseBody(body),
                Idempotency.fromHeader(request, body).orElse(null));
        return HttpResponses.rawJson(recorded.status(), recorded.body(), "no-store");
    }
}

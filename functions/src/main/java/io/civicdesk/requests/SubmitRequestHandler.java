package io.civicdesk.requests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.figures.FiguresStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;

/** {@code POST /requests}: a resident reports a problem. */
public final class SubmitRequestHandler extends HttpHandler {

    private final SubmitRequestService service;

    public SubmitRequestHandler() {
        this(wire(AwsClients.dynamoDb()));
    }

    public SubmitRequestHandler(SubmitRequestService service) {
        this.service = service;
    }

    private static SubmitRequestService wire(DynamoDbClient dynamo) {
        OutboxStore outbox = new OutboxStore(dynamo, Config.require("OUTBOX_TABLE"));
        return new SubmitRequestService(new CatalogStore(dynamo, Config.require("CATALOG_TABLE")),
                new RequestStore(dynamo, Config.require("REQUESTS_TABLE"), outbox),
                Clocks.fromConfig(), new SecureRandom(), Config.require("PORTAL_URL"),
                new FiguresStore(dynamo, Config.require("FIGURES_TABLE")), PowertoolsMetrics.fromConfig());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String body = request.body();
        Idempotency.Answer submitted = service.submit(Json.parseBody(body), Idempotency.fromHeader(request, body).orElse(null));
        return HttpResponses.rawJson(submitted.status(), submitted.body(), "no-store");
    }
}

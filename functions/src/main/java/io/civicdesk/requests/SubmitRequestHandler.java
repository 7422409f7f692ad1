package io.civicdesk.requests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.ApiException;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

/** {@code POST /requests}: a resident reports a problem. */
public final class SubmitRequestHandler extends HttpHandler {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9_-]{8,100}$");

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
                Clock.systemUTC(), new SecureRandom(), Config.require("PORTAL_URL"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String key = request.header("Idempotency-Key").map(String::trim).orElse(null);
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiException.invalid(List.of(new FieldError("Idempotency-Key",
                    "The Idempotency-Key header must be 8 to 100 letters, digits, hyphens or underscores.")));
        }
        String body = request.body();
        SubmitRequestService.Submitted submitted = service.submit(Json.parseBody(body),
                key == null ? null : SubmitRequestService.IdempotencyKey.of(key, body));
        return HttpResponses.rawJson(submitted.status(), submitted.body(), "no-store");
    }
}

package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.requests.RequestStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;

/**
 * The resident's side of feedback: {@code POST /feedback} (a compliment, suggestion or complaint),
 * {@code GET /complaints/{reference}} and {@code POST /complaints/{reference}/review} with the complaint's
 * private key in {@code X-Private-Key}.
 */
public final class FeedbackHandler extends HttpHandler {
    private final FeedbackService feedback;
    private final ComplaintService complaints;

    public FeedbackHandler() {
        this(AwsClients.dynamoDb());
    }

    private FeedbackHandler(DynamoDbClient dynamo) {
        this(feedback(dynamo), complaints(dynamo));
    }

    public FeedbackHandler(FeedbackService feedback, ComplaintService complaints) {
        this.feedback = feedback;
        this.complaints = complaints;
    }

    static FeedbackService feedback(DynamoDbClient dynamo) {
        String table = Config.require("FEEDBACK_TABLE");
        String catalogTable = Config.require("CATALOG_TABLE");
        return new FeedbackService(dynamo, new CatalogStore(dynamo, catalogTable),
                new RequestStore(dynamo, Config.require("REQUESTS_TABLE")), new ComplaintStore(dynamo, table),
                new FeedbackStore(table), new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")),
                new StaffDirectory(dynamo, catalogTable), table, ComplaintTargets.fromConfig(), Clocks.fromConfig(), new SecureRandom(),
                Config.require("PORTAL_URL"));
    }

    static ComplaintService complaints(DynamoDbClient dynamo) {
        return new ComplaintService(dynamo, new ComplaintStore(dynamo, Config.require("FEEDBACK_TABLE")),
                new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")), new CatalogStore(dynamo, Config.require("CATALOG_TABLE")),
                ComplaintTargets.fromConfig(), Clocks.fromConfig(), new SecureRandom(), Config.require("PORTAL_URL"));
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String reference = request.pathParameter("reference");
        String secret = request.header("X-Private-Key").orElse(null);
        return switch (request.routeKey()) {
            case "POST /feedback" -> {
                String body = request.body();
                FeedbackService.Sent sent = feedback.submit(Json.parseBody(body), Idempotency.fromHeader(request, body).orElse(null));
                yield HttpResponses.rawJson(sent.status(), sent.body(), "no-store");
            }
            case "GET /complaints/{reference}" -> HttpResponses.json(200, complaints.view(reference, secret));
            case "POST /complaints/{reference}/review" ->
                    HttpResponses.json(201, complaints.requestReview(reference, secret, request.jsonBody()));
            default -> throw Refusal.notFound("Not Found");
        };
    }
}

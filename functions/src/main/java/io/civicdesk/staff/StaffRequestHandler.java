package io.civicdesk.staff;

import io.civicdesk.requests.WorkflowStore;
import io.civicdesk.requests.StaffAction;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.directory.StaffDirectory;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.feedback.FeedbackWiring;
import io.civicdesk.feedback.SurveyInvitations;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.requests.Actor;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.SubmitRequestService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;

/**
 * Handling requests ({@code StaffRequestFunction}): {@code GET /staff/requests/{reference}},
 * {@code POST /staff/requests/{reference}/actions}, and {@code POST /staff/requests} (logged on behalf of a caller,
 * through the residents' own submission path).
 */
public final class StaffRequestHandler extends HttpHandler {

    private final RequestActions actions;
    private final SubmitRequestService submissions;

    public StaffRequestHandler() {
        this(AwsClients.dynamoDb());
    }

    private StaffRequestHandler(DynamoDbClient dynamo) {
        this(actions(dynamo), submissions(dynamo));
    }

    public StaffRequestHandler(RequestActions actions, SubmitRequestService submissions) {
        this.actions = actions;
        this.submissions = submissions;
    }

    private static RequestStore requests(DynamoDbClient dynamo) {
        return new RequestStore(dynamo, Config.require("REQUESTS_TABLE"), new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")));
    }

    private static RequestActions actions(DynamoDbClient dynamo) {
        String catalogTable = Config.require("CATALOG_TABLE");
        SurveyInvitations surveys = new FeedbackWiring(dynamo).invitations();
        return new RequestActions(requests(dynamo), new WorkflowStore(dynamo, catalogTable),
                new StaffDirectory(dynamo, catalogTable), new CatalogStore(dynamo, catalogTable), Clocks.fromConfig(),
                Config.require("PORTAL_URL"), (resolved, now) -> surveys.onResolved(resolved, now).writes(),
                new FiguresStore(dynamo, Config.require("FIGURES_TABLE")));
    }

    private static SubmitRequestService submissions(DynamoDbClient dynamo) {
        return new SubmitRequestService(new CatalogStore(dynamo, Config.require("CATALOG_TABLE")), requests(dynamo),
                Clocks.fromConfig(), new SecureRandom(), Config.require("PORTAL_URL"),
                new FiguresStore(dynamo, Config.require("FIGURES_TABLE")), PowertoolsMetrics.fromConfig());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/requests/{reference}" -> HttpResponses.json(200, actions.view(caller, reference(request)));
            case "POST /staff/requests/{reference}/actions" -> {
                RequestActions.requireHandler(caller);
                StaffAction action = StaffAction.read(request.jsonBody());
                yield HttpResponses.json(200, actions.act(caller, reference(request), action));
            }
            case "POST /staff/requests" -> logOnBehalf(caller, request);
            default -> throw Refusal.notFound("No such staff route.");
        };
    }

    private APIGatewayV2HTTPResponse logOnBehalf(StaffCaller caller, HttpRequest request) {
        RequestActions.requireHandler(caller);
        String body = request.body();
        Idempotency.Answer submitted = submissions.submitOnBehalf(Json.parseBody(body),
                Idempotency.fromHeader(request, body, "staff:" + caller.id() + ":").orElse(null),
                new Actor(caller.id(), caller.name()));
        return HttpResponses.rawJson(submitted.status(), submitted.body(), "no-store");
    }

    private static Reference reference(HttpRequest request) {
        return Reference.parse(request.pathParameter("reference")).orElseThrow(() -> Refusal.invalid("reference",
                "A reference is 8 letters and numbers, like K7MP-3QXR."));
    }
}

package io.civicdesk.feedback;

import io.civicdesk.figures.SatisfactionFiguresStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/**
 * {@code GET /surveys/{reference}} and {@code POST /surveys/{reference}/answers}: the survey after service,
 * about a request, or a booking with {@code ?for=booking}.
 * The link's secret comes in the {@code X-Survey-Key} header (or the request's private key in
 * {@code X-Private-Key}); it rides in the link's fragment, so it never reaches a server log.
 */
public final class SurveyHandler extends HttpHandler {
    private final SurveyService surveys;

    public SurveyHandler() {
        this(wire(AwsClients.dynamoDb()));
    }

    public SurveyHandler(SurveyService surveys) {
        this.surveys = surveys;
    }

    private static SurveyService wire(DynamoDbClient dynamo) {
        String table = Config.require("FEEDBACK_TABLE");
        return new SurveyService(dynamo, new SurveyStore(dynamo, table), new SatisfactionFiguresStore(dynamo, table),
                table, new CatalogStore(dynamo, Config.require("CATALOG_TABLE")),
                Clocks.fromConfig());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String reference = request.pathParameter("reference");
        Survey.Subject subject = Survey.Subject.of(request.queryParameter("for").orElse(null));
        String secret = request.header("X-Survey-Key").or(() -> request.header("X-Private-Key")).orElse(null);
        if ("GET /surveys/{reference}".equals(request.routeKey())) {
            return HttpResponses.json(200, surveys.view(subject, reference, secret));
        }
        if ("POST /surveys/{reference}/answers".equals(request.routeKey())) {
            String body = request.body();
            SurveyService.Answered answered = surveys.answer(subject, reference, secret, Json.parseBody(body),
                    Idempotency.fromHeader(request, body).orElse(null));
            return HttpResponses.rawJson(answered.status(), answered.body(), "no-store");
        }
        throw Refusal.notFound("Not Found");
    }
}

package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;

/**
 * {@code GET /surveys/{reference}} and {@code POST /surveys/{reference}/answers}: the survey after service,
 * about a request, or a booking with {@code ?for=booking}.
 * The link's secret comes in the {@code X-Survey-Key} header (or the request's private key in
 * {@code X-Private-Key}); it rides in the link's fragment, so it never reaches a server log.
 */
public final class SurveyHandler extends HttpHandler {
    private final SurveyService surveys;

    public SurveyHandler() {
        this(new FeedbackWiring(AwsClients.dynamoDb()).surveys());
    }

    public SurveyHandler(SurveyService surveys) {
        this.surveys = surveys;
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
            var json = Json.parseBody(body);
            Idempotency.Answer answered = surveys.answer(subject, reference, secret, SurveyAnswerReader.answer(json),
                    Idempotency.fromHeader(request, body));
            return HttpResponses.answer(answered);
        }
        throw Refusal.notFound("Not Found");
    }
}

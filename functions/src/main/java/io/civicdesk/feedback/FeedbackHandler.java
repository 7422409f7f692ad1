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
 * The resident's side of feedback: {@code POST /feedback} (a compliment, suggestion or complaint),
 * {@code GET /complaints/{reference}} and {@code POST /complaints/{reference}/review} with the complaint's
 * private key in {@code X-Private-Key}.
 */
public final class FeedbackHandler extends HttpHandler {
    private final FeedbackService feedback;
    private final ComplaintService complaints;

    public FeedbackHandler() {
        this(new FeedbackWiring(AwsClients.dynamoDb()));
    }

    private FeedbackHandler(FeedbackWiring wiring) {
        this(wiring.feedback(), wiring.complaints());
    }

    public FeedbackHandler(FeedbackService feedback, ComplaintService complaints) {
        this.feedback = feedback;
        this.complaints = complaints;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String reference = request.pathParameter("reference");
        String secret = request.header("X-Private-Key").orElse(null);
        return switch (request.routeKey()) {
            case "POST /feedback" -> {
                String body = request.body();
                var json = Json.parseBody(body);
                Idempotency.Answer sent = feedback.submit(FeedbackReader.read(json), Idempotency.fromHeader(request, body));
                yield HttpResponses.answer(sent);
            }
            case "GET /complaints/{reference}" -> HttpResponses.json(200, complaints.view(reference, secret));
            case "POST /complaints/{reference}/review" -> HttpResponses.json(201,
                    complaints.requestReview(reference, secret, ComplaintReader.reviewReason(request.jsonBody())));
            default -> throw Refusal.notFound("Not Found");
        };
    }
}

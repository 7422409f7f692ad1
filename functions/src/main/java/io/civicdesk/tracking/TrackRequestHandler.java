package io.civicdesk.tracking;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;

import java.util.List;

import io.civicdesk.feedback.Survey;
import io.civicdesk.feedback.SurveyStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /requests/{reference}}: where a request is up to. The reference alone shows its public side; the
 * private link's secret, sent in the {@code X-Private-Key} header, also shows the resident's own details.
 */
public final class TrackRequestHandler extends HttpHandler {
    private final RequestStore requests;
    private final SurveyStore surveys;

    public TrackRequestHandler() {
        this(AwsClients.dynamoDb());
    }

    private TrackRequestHandler(DynamoDbClient dynamo) {
        this(new RequestStore(dynamo, Config.require("REQUESTS_TABLE"), null),
                Config.optional("FEEDBACK_TABLE") == null ? null : new SurveyStore(dynamo, Config.require("FEEDBACK_TABLE")));
    }

    public TrackRequestHandler(RequestStore requests) {
        this(requests, null);
    }

    public TrackRequestHandler(RequestStore requests, SurveyStore surveys) {
        this.requests = requests;
        this.surveys = surveys;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String typed = request.pathParameter("reference");
        Reference reference = Reference.parse(typed).orElseThrow(() -> Refusal.invalid(List.of(new FieldError(
                "reference", "A reference is 8 letters and numbers, like K7MP-3QXR. Check the reference in your confirmation."))));
        RequestStore.RequestWithUpdates found = requests.find(reference).orElseThrow(() -> Refusal.notFound(
                "We could not find a request with the reference " + reference.display()
                        + ". Check it against your confirmation email or text."));
        String secret = request.header("X-Private-Key").orElse(null);
        TrackingView view = TrackingView.of(found, secret);
        // Only the resident (their private key) is told a survey waits: whether they answered is theirs alone.
        if (view.isPrivate() && surveys != null && surveys.find(Survey.Subject.REQUEST, reference.value()).filter(Survey::open).isPresent()) {
            return HttpResponses.json(200, new WithSurvey(view, new WithSurvey.SurveyFlag(true)));
        }
        return HttpResponses.json(200, view);
    }

    /** The private view plus {@code "survey": { "open": true }} while the request's survey waits for an answer. */
    record WithSurvey(@com.fasterxml.jackson.annotation.JsonUnwrapped TrackingView view, SurveyFlag survey) {
        record SurveyFlag(boolean open) {
        }
    }
}

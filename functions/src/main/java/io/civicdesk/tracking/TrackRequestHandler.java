package io.civicdesk.tracking;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.ApiException;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;

import java.util.List;

/**
 * {@code GET /requests/{reference}}: where a request is up to. The reference alone shows its public side; the
 * private link's secret, sent in the {@code X-Private-Key} header, also shows the resident's own details.
 */
public final class TrackRequestHandler extends HttpHandler {
    private final RequestStore requests;

    public TrackRequestHandler() {
        this(new RequestStore(AwsClients.dynamoDb(), Config.require("REQUESTS_TABLE"), null));
    }

    public TrackRequestHandler(RequestStore requests) {
        this.requests = requests;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String typed = request.pathParameter("reference");
        Reference reference = Reference.parse(typed).orElseThrow(() -> ApiException.invalid(List.of(new FieldError(
                "reference", "A reference is 8 letters and numbers, like K7MP-3QXR. Check the reference in your confirmation."))));
        RequestStore.RequestWithUpdates found = requests.find(reference).orElseThrow(() -> ApiException.notFound(
                "We could not find a request with the reference " + reference.display()
                        + ". Check it against your confirmation email or text."));
        String secret = request.header("X-Private-Key").orElse(null);
        return HttpResponses.json(200, TrackingView.of(found, secret));
    }
}

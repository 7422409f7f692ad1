package io.civicdesk.requests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;

/** {@code POST /requests}: a resident reports a problem. */
public final class SubmitRequestHandler extends HttpHandler {
    private final SubmitRequestService service;

    public SubmitRequestHandler() {
        this(RequestWiring.fromConfig().submissions());
    }

    public SubmitRequestHandler(SubmitRequestService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String body = request.body();
        Idempotency.Answer submitted = service.submit(SubmissionReader.report(Json.parseBody(body)),
                Idempotency.fromHeader(request, body));
        return HttpResponses.answer(submitted);
    }
}

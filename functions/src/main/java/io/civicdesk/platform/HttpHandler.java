package io.civicdesk.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * The shape every HTTP function shares: a caller's mistake becomes its 4xx, anything else is a bug, logged
 * without the request's content (it may hold personal information) and answered with a bare 500.
 */
public abstract class HttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final Log.Invocations invocations = Log.invocations();

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return invocations.run(context, () -> respond(new HttpRequest(event)));
    }

    private APIGatewayV2HTTPResponse respond(HttpRequest request) {
        try {
            return handle(request);
        } catch (Refusal e) {
            return HttpResponses.error(e);
        } catch (RuntimeException e) {
            Log.error("unhandled", request.routeKey(), request.requestId(), e);
            return HttpResponses.json(500, java.util.Map.of("message", "Something went wrong on our side. Please try again in a few minutes."));
        }
    }

    protected abstract APIGatewayV2HTTPResponse handle(HttpRequest request);
}

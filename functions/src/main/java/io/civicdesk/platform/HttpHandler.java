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

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        try {
            return handle(request);
        } catch (ApiException e) {
            return HttpResponses.error(e);
        } catch (RuntimeException e) {
            Log.error("unhandled", request.routeKey(), request.requestId(), e);
            return HttpResponses.json(500, java.util.Map.of("message", "Something went wrong on our side. Please try again in a few minutes."));
        }
    }

    protected abstract APIGatewayV2HTTPResponse handle(HttpRequest request);
}

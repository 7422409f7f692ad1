package io.civicdesk.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Returns JSON without a statusCode: API Gateway makes that a 200 with the JSON as its body. */
public final class PlainJsonHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("routeKey", event.get("routeKey"));
    }
}

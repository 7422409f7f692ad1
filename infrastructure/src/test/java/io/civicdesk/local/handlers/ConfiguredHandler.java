package io.civicdesk.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Reads its configuration once, when constructed (as the product's handlers do), and answers with it. */
public final class ConfiguredHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final String stackName = System.getProperty("STACK_NAME");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("statusCode", 200, "body", stackName);
    }
}

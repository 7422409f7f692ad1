package io.civicdesk.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Always fails, as a handler with a bug does. */
public final class FailingHandler implements RequestHandler<Map<String, Object>, Object> {
    @Override
    public Object handleRequest(Map<String, Object> event, Context context) {
        Recorded.add(context.getFunctionName(), String.valueOf(event));
        throw new IllegalStateException("a deliberate failure");
    }
}

package io.civicdesk.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The shape every function an event source invokes shares (a schedule, a table's stream): the event's JSON in,
 * what the run did out as JSON. A stream handler, so one class can take more than one shape of event. A failure
 * propagates: Lambda counts it in the function's Errors, and the event source retries or sets the event aside.
 */
public abstract class EventHandler implements RequestStreamHandler {
    private final Log.Invocations invocations = Log.invocations();

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        Object outcome = invocations.run(context, () -> handle(event));
        output.write(Json.write(outcome).getBytes(StandardCharsets.UTF_8));
    }

    protected abstract Object handle(JsonNode event);
}

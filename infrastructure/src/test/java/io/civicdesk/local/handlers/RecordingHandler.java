package io.civicdesk.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Records each event exactly as it arrived (the JSON Lambda would pass), under its function's name. */
public final class RecordingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Recorded.add(context.getFunctionName(), new String(input.readAllBytes(), StandardCharsets.UTF_8));
    }
}

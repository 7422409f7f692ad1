package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cold start, in the fresh JVM {@link ColdStarts} launched: loads a handler class, builds it with its public
 * no-arg constructor and invokes it once, as Lambda does in a new container, then prints one line and exits.
 *
 * <p>Arguments: the handler class, then the event: {@value #SCHEDULE}, or a route key such as
 * {@code GET /services/{serviceId}} followed by {@code name=value} path parameters.
 * The line: {@value #DONE}, the nanoseconds from loading the handler class to its first result, and that
 * result ({@code HTTP 200}, or a stream handler's output).
 */
public final class ColdStartProbe {
    static final String DONE = "cold-start-probe-done";
    static final String SCHEDULE = "schedule";

    private ColdStartProbe() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        BenchContext context = new BenchContext(handlerClass.substring(handlerClass.lastIndexOf('.') + 1));
        // The event is built before the clock starts: in Lambda the runtime hands it over ready-made.
        // A schedule's Input, when the template gives one, is the event (as EventBridge sends it).
        byte[] scheduled = !args[1].equals(SCHEDULE) ? null
                : args.length > 2 ? args[2].getBytes(StandardCharsets.UTF_8) : Events.scheduled();
        APIGatewayV2HTTPEvent request = scheduled == null ? Events.sample(args[1], pathParameters(args)) : null;

        long start = System.nanoTime();
        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        String result;
        if (handler instanceof RequestStreamHandler stream) {
            if (scheduled == null) {
                throw new IllegalArgumentException(handlerClass + " is a stream handler: give it the " + SCHEDULE + " event");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(scheduled), output, context);
            result = output.toString(StandardCharsets.UTF_8);
        } else {
            APIGatewayV2HTTPResponse response =
                    ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler).handleRequest(request, context);
            result = "HTTP " + response.getStatusCode();
        }
        long handlerNanos = System.nanoTime() - start;

        System.out.println(DONE + " " + handlerNanos + " " + result);
        System.out.flush();
    }

    private static Map<String, String> pathParameters(String[] args) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            parameters.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        return parameters;
    }
}

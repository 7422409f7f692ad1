package io.civicdesk.platform;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import java.util.Map;
import java.util.function.Supplier;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entries;

/**
 * One JSON line per event on standard output, which Lambda sends to CloudWatch Logs: Powertools' structured
 * logging over SLF4J and Log4j2 (the layout is in {@code log4j2.properties}). A line carries the invocation's
 * function, request id and cold start, and only what the code names — an event, a route, ids — never a request
 * body or anything a resident typed.
 */
public final class Log {
    private static final Logger LOGGER = LoggerFactory.getLogger("io.civicdesk");
    private static final String SERVICE = "service";

    private Log() {
    }

    public static void info(String event, Map<String, ?> fields) {
        LOGGER.info(event, entries(fields));
    }

    /** The layout writes the error's class and stack frames; its message can quote input, so it stays out. */
    public static void error(String event, String routeKey, String requestId, Throwable error) {
        LOGGER.error(event, entries(Map.of("route", String.valueOf(routeKey), "requestId", String.valueOf(requestId))), error);
    }

    /**
     * A handler's logging context, made once per container with its configuration in place. Making it also starts
     * Log4j, so that happens in the container's init (inside SnapStart's snapshot) rather than in its first request.
     */
    public static Invocations invocations() {
        return new Invocations(Config.optional("POWERTOOLS_SERVICE_NAME"));
    }

    /** @param service the function's service name: Powertools reads it from the environment only, the local stack sets it as a system property */
    public record Invocations(String service) {
        /** Runs one invocation with Powertools' fields (function, request id, cold start, service) on every line. */
        public <T> T run(Context context, Supplier<T> work) {
            return PowertoolsLogging.withLogging(context, () -> {
                if (service != null) {
                    MDC.put(SERVICE, service);
                }
                return work.get();
            });
        }
    }
}

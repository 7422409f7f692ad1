package io.civicdesk.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per event on standard output, which Lambda sends to CloudWatch. It takes only what the code
 * names — an event, a route, ids — never a request body or anything a resident typed.
 */
public final class Log {
    private Log() {
    }

    public static void info(String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("event", event);
        line.putAll(fields);
        System.out.println(Json.write(line));
    }

    public static void error(String event, String routeKey, String requestId, Throwable error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "ERROR");
        line.put("event", event);
        line.put("route", routeKey);
        line.put("requestId", requestId);
        // The class and the stack frames say where it broke; the message can quote input, so it stays out.
        line.put("error", error.getClass().getName());
        StackTraceElement[] frames = error.getStackTrace();
        line.put("at", frames.length == 0 ? null : frames[0].toString());
        System.out.println(Json.write(line));
    }
}

package io.civicdesk.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::Function} as the local stack needs it, Globals already merged in.
 *
 * @param environment the raw values, intrinsic functions and all: see {@link #resolvedEnvironment}
 * @param objectEvents S3 events: objects created in a bucket of the template
 * @param unemulatedEvents events of a type the local stack does not run ("Name (Type)"), to say so
 */
public record FunctionDefinition(String logicalId, String handler, Map<String, Object> environment,
                                 int memorySizeMb, int timeoutSeconds, List<HttpRoute> routes,
                                 List<ScheduleEvent> schedules, List<StreamEvent> streams,
                                 List<ObjectEvent> objectEvents, List<String> unemulatedEvents) {

    /** The class part of {@code package.Class::method}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    /**
     * The environment as the function would see it: {@code supplied} wins by variable name (what only the local
     * stack knows, such as its own URL); everything else is resolved through {@code intrinsics}.
     */
    public Map<String, String> resolvedEnvironment(Intrinsics intrinsics, Map<String, String> supplied) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            try {
                String local = supplied.containsKey(name) ? supplied.get(name) : intrinsics.resolve(value);
                if (local != null) {
                    resolved.put(name, local);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(logicalId + " environment " + name + ": " + e.getMessage(), e);
            }
        });
        return resolved;
    }

    /**
     * An {@code HttpApi} event. {@code path} may hold {@code {name}} and a final greedy {@code {name+}}.
     *
     * @param authorizer the JWT authorizer API Gateway checks before invoking the function: the event's
     *                   {@code Auth.Authorizer}, else its API's {@code DefaultAuthorizer}; empty for a public route
     */
    public record HttpRoute(String method, String path, Optional<JwtAuthorizer> authorizer) {
        /** A public route. */
        public HttpRoute(String method, String path) {
            this(method, path, Optional.empty());
        }

        /** As API Gateway writes it: {@code GET /services/{serviceId}}, or {@code $default}. */
        public String routeKey() {
            return path.equals("$default") ? path : method + " " + path;
        }
    }

    /**
     * A JWT authorizer of an HttpApi ({@code Auth.Authorizers.<name>} with a {@code JwtConfiguration}).
     *
     * @param tokenHeader the request header its {@code IdentitySource} names, e.g. {@code Authorization}
     * @param issuer {@code JwtConfiguration.issuer} as written, intrinsic functions and all
     * @param audience {@code JwtConfiguration.audience} as written
     */
    public record JwtAuthorizer(String name, String tokenHeader, Object issuer, List<?> audience) {
    }

    /**
     * A {@code Schedule} or {@code ScheduleV2} event.
     *
     * @param timeZone IANA zone of a cron expression (ScheduleV2); empty means UTC
     * @param input the event's fixed JSON input; empty means the usual scheduled-event JSON
     */
    public record ScheduleEvent(String name, String expression, Optional<String> timeZone, Optional<String> input) {
    }

    /**
     * A {@code DynamoDB} stream event.
     *
     * @param maximumRetryAttempts -1 retries until the record expires, as Lambda does
     * @param filterPatterns the FilterCriteria patterns (JSON); a record must match one, if there are any
     */
    public record StreamEvent(String name, String table, int batchSize, int maximumRetryAttempts,
                              List<String> filterPatterns) {
    }

    /**
     * An {@code S3} event: objects created in the bucket of logical ID {@code bucket} whose keys start with
     * {@code prefix} (the event's {@code prefix} filter rule; empty for every key).
     */
    public record ObjectEvent(String name, String bucket, String prefix) {
    }
}

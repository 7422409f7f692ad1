package io.civicdesk.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the platform will not do what it was asked, in words the person asking can act on. The domain says what
 * kind of refusal it is; only the edge ({@link HttpResponses}) turns a kind into an HTTP status. Never a 5xx
 * unless a service we depend on failed us.
 */
public class Refusal extends RuntimeException {
    /** The kinds of refusal, each with the status the HTTP edge answers it with. */
    public enum Kind {
        /** The details sent cannot be used as they are (field errors say which). */
        INVALID(400),
        /** No proof of who is asking, or the proof has expired. */
        UNAUTHENTICATED(401),
        /** Who is asking may not do this. */
        FORBIDDEN(403),
        NOT_FOUND(404),
        /** The thing has moved on (someone else changed it, the slot is taken, the time to do it has passed). */
        CONFLICT(409),
        TOO_LARGE(413),
        /** An idempotency key used again with other details. */
        KEY_REUSED(422),
        /** More calls than the caller's allowance in this period (an API key's rate limit); try again later. */
        TOO_MANY(429),
        /** A service we depend on (the sign-in service) did not finish its part. */
        UPSTREAM_FAILED(502),
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final List<FieldError> errors;
    private final Map<String, Object> details;

    public Refusal(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Refusal(Kind kind, String message, List<FieldError> errors) {
        this(kind, message, errors, Map.of());
    }

    /** With more to say than a message: {@code details} are added to the error body, e.g. the current state on a conflict. */
    public Refusal(Kind kind, String message, List<FieldError> errors, Map<String, Object> details) {
        super(message, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A field-level refusal for one field. */
    public static Refusal invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static Refusal invalid(List<FieldError> errors) {
        return new Refusal(Kind.INVALID, "Some of the details need correcting.", errors);
    }

    /** Details that cannot be read at all (not an object, not JSON), so no field to name. */
    public static Refusal unreadable(String message) {
        return new Refusal(Kind.INVALID, message);
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message);
    }

    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, message);
    }

    public static Refusal unauthenticated(String message) {
        return new Refusal(Kind.UNAUTHENTICATED, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The status the HTTP edge answers with. */
    public int status() {
        return kind.status();
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> details() {
        return details;
    }
}

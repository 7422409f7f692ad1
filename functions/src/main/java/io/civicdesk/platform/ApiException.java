package io.civicdesk.platform;

import java.util.List;
import java.util.Map;

/** A failure the caller can act on: answered with its status and message, never as a 5xx. */
public class ApiException extends RuntimeException {
    private final int status;
    private final List<FieldError> errors;
    private final Map<String, Object> details;

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    public ApiException(int status, String message, List<FieldError> errors) {
        this(status, message, errors, Map.of());
    }

    /** With more to say than a message: {@code details} are added to the error body, e.g. the current state on a 409. */
    public ApiException(int status, String message, List<FieldError> errors, Map<String, Object> details) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** A field-level 400 for one field. */
    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(400, "Some of the details need correcting.", errors);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> details() {
        return details;
    }
}

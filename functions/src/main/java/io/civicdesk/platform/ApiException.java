package io.civicdesk.platform;

import java.util.List;

/** A failure the caller can act on: answered with its status and message, never as a 5xx. */
public class ApiException extends RuntimeException {
    private final int status;
    private final List<FieldError> errors;

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    public ApiException(int status, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
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
}

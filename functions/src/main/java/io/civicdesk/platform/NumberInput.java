package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * Numbers in a JSON body, read the same way by every capability: a number is a JSON number, never text that
 * looks like one ("5"), and a whole number is never a fraction (2.5 is not 2). Anything else is the sender's
 * mistake, recorded against its field.
 */
public final class NumberInput {
    private NumberInput() {
    }

    /**
     * A whole number from {@code min} to {@code max}; null when absent or null (the caller knows whether it is
     * required), and null with {@code message} recorded when it is anything else.
     */
    public static Long whole(JsonNode value, String field, long min, long max, String message, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value.longValue();
    }

    /** The same, when it must be there: absent or null is {@code message} too. */
    public static Long requiredWhole(JsonNode value, String field, long min, long max, String message, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return whole(value, field, min, max, message, errors);
    }

    /**
     * A number, whole or not; null when absent or null, and null with {@code message} recorded when it is not a
     * finite JSON number (1e400 reads as infinity).
     */
    public static BigDecimal number(JsonNode value, String field, String message, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return value.decimalValue();
    }
}

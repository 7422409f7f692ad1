package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.TextInput;

import java.util.List;

/** Reading a feedback body's fields: each mistake named by its field, all of them at once. */
final class Fields {
    private Fields() {
    }

    /** A whole number from min to max; null when absent and not required. */
    static Integer score(JsonNode body, String field, int min, int max, boolean required, String label, List<FieldError> errors) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "Choose " + label + "."));
            }
            return null;
        }
        Integer number = null;
        if (value.isIntegralNumber()) {
            number = value.canConvertToInt() ? value.intValue() : null;
        } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,3}")) {
            number = Integer.valueOf(value.asText().trim());
        }
        if (number == null || number < min || number > max) {
            errors.add(new FieldError(field, "Choose " + label + ": a whole number from " + min + " to " + max + "."));
            return null;
        }
        return number;
    }

    /** Optional free text, trimmed; null when blank. */
    static String text(JsonNode body, String field, int max, String label, List<FieldError> errors) {
        return TextInput.optional(body.path(field), field, label, max, errors);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}

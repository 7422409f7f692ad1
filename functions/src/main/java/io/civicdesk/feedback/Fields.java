package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.TextInput;

import java.util.List;

/** Reading a feedback body's fields: each mistake named by its field, all of them at once. */
final class Fields {
    private Fields() {
    }

    /** A whole number from min to max, sent as a JSON number; null when absent and not required. */
    static Integer score(JsonNode body, String field, int min, int max, boolean required, String label, List<FieldError> errors) {
        JsonNode value = body.path(field);
        if (required && (value.isMissingNode() || value.isNull())) {
            errors.add(new FieldError(field, "Choose " + label + "."));
            return null;
        }
        Long score = NumberInput.whole(value, field, min, max, "Choose " + label + ": a whole number from " + min + " to " + max + ".", errors);
        return score == null ? null : score.intValue();
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

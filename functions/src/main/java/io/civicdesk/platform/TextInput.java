package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Free text a person typed, read the same way by every capability. */
public final class TextInput {
    private TextInput() {
    }

    /**
     * Trimmed text, or null when absent or blank; records an error when it is not text, or longer than
     * {@code maxLength} characters as a person counts them.
     */
    public static String optional(JsonNode value, String field, String label, int maxLength, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, label + " must be text."));
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            errors.add(new FieldError(field, label + " must be " + String.format("%,d", maxLength) + " characters or fewer."));
            return null;
        }
        return text;
    }
}

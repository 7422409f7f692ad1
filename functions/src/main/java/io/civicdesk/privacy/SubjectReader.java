package io.civicdesk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.TextInput;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a subject-access search, export or erasure is about: {@code {"email": "...", "phone": "..."}} in the body
 * (never in the address, where access logs would keep it); an erasure also says {@code "confirm": true}.
 */
public final class SubjectReader {
    private SubjectReader() {
    }

    public static Subject read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String email = TextInput.optional(body.path("email"), "email", "The email address", 254, errors);
        String phone = TextInput.optional(body.path("phone"), "phone", "The phone number", 40, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return Subject.of(email, phone);
    }

    /** Whether an export is asked for as CSV: {@code "format"} is "json" (or absent) or "csv". */
    public static boolean csv(JsonNode body) {
        JsonNode format = body.path("format");
        if (format.isMissingNode() || format.isNull() || "json".equals(format.asText()) && format.isTextual()) {
            return false;
        }
        if (format.isTextual() && "csv".equals(format.asText())) {
            return true;
        }
        throw Refusal.invalid("format", "Choose the export's format: \"json\" or \"csv\".");
    }

    public static Subject erasure(JsonNode body) {
        Subject subject = read(body);
        if (!body.path("confirm").asBoolean(false) || !body.path("confirm").isBoolean()) {
            throw Refusal.invalid("confirm", "Erasing cannot be undone: send \"confirm\": true once the resident's identity is checked.");
        }
        return subject;
    }
}

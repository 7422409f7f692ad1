package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ids of the council's things — services, units, facilities, calendars, policies, members of staff — as a
 * client sends them in a path, a query string or a body. Each is checked here before any store sees it, so an
 * over-long or odd id is the sender's 400 naming the field, never DynamoDB's limit on a key.
 */
public final class Ids {
    /** Longer than any id the council gives, and far inside DynamoDB's key limits with a prefix such as SERVICE#. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1," + MAX_LENGTH + "}");

    private Ids() {
    }

    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** An id that must be there, such as a path parameter; {@code noun} says what it names ("service"). */
    public static String require(String text, String field, String noun) {
        String id = optional(text, field, noun);
        if (id == null) {
            throw Refusal.invalid(field, "Choose a " + noun + ".");
        }
        return id;
    }

    /** An id that may be left out: null when absent or blank, else the id or a 400 naming the field. */
    public static String optional(String text, String field, String noun) {
        List<FieldError> errors = new ArrayList<>();
        String id = read(text, field, noun, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return id;
    }

    /** An id in a body: null when absent, null or blank; an error is recorded when it is not text or not an id. */
    public static String read(JsonNode value, String field, String noun, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, message(noun)));
            return null;
        }
        return read(value.asText(), field, noun, errors);
    }

    /** An id from a query string, with the other parameters' errors: null when absent or blank. */
    public static String read(String text, String field, String noun, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String id = text.strip();
        if (!isId(id)) {
            errors.add(new FieldError(field, message(noun)));
            return null;
        }
        return id;
    }

    private static String message(String noun) {
        return "There is no " + noun + " with that id: ids are 1 to " + MAX_LENGTH + " lower-case letters, digits and hyphens.";
    }
}

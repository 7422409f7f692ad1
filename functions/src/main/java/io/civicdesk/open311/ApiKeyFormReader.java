package io.civicdesk.open311;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.TextInput;

import java.util.ArrayList;
import java.util.List;

/** Reads an administrator's new API key: {@code name} (the app, required) and {@code organisation} (optional). */
public final class ApiKeyFormReader {
    static final int MAX_NAME = 100;

    private ApiKeyFormReader() {
    }

    public record KeyForm(String name, String organisation) {
    }

    public static KeyForm read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = TextInput.optional(body.path("name"), "name", "The app's name", MAX_NAME, errors);
        if (name == null && errors.isEmpty()) {
            errors.add(new FieldError("name", "Enter the name of the app the key is for."));
        }
        String organisation = TextInput.optional(body.path("organisation"), "organisation", "The organisation", MAX_NAME, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new KeyForm(name, organisation);
    }
}

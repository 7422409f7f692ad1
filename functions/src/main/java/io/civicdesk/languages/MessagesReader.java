package io.civicdesk.languages;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a language's message catalogue, {@code /messages/<tag>.json} on the class path: one JSON object of stable
 * keys to texts, {@code {name}} marking a value put in (the same format as the portal's {@code portal/i18n/*.json};
 * docs/languages.md). A catalogue that is missing or not such an object is a build mistake, so it fails loudly.
 */
public final class MessagesReader {
    private MessagesReader() {
    }

    public static String resource(Language language) {
        return "/messages/" + language.tag() + ".json";
    }

    public static Map<String, String> read(Language language) {
        try (InputStream in = MessagesReader.class.getResourceAsStream(resource(language))) {
            if (in == null) {
                throw new IllegalStateException("No message catalogue " + resource(language));
            }
            JsonNode tree = Json.MAPPER.readTree(in);
            if (tree == null || !tree.isObject()) {
                throw new IllegalStateException(resource(language) + " must be one JSON object of keys to texts");
            }
            Map<String, String> messages = new LinkedHashMap<>();
            tree.fields().forEachRemaining(entry -> {
                if (!entry.getValue().isTextual()) {
                    throw new IllegalStateException(resource(language) + ": " + entry.getKey() + " must be a text");
                }
                messages.put(entry.getKey(), entry.getValue().asText());
            });
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource(language), e);
        }
    }
}

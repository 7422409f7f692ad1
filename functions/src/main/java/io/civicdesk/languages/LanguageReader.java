package io.civicdesk.languages;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.Refusal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the resident's language from what they sent: a {@code language} field of a submission (BCP-47, English
 * when left out), or {@code ?lang=} and then Accept-Language for a page's data. A tag the product does not speak is
 * refused naming its field, with the tags it does.
 */
public final class LanguageReader {
    public static final String FIELD = "language";
    public static final String QUERY = "lang";

    private LanguageReader() {
    }

    /** The body's {@code language}: English when absent or null; null (and an error) when it is not one we speak. */
    public static Language field(JsonNode body, List<FieldError> errors) {
        JsonNode value = body.path(FIELD);
        if (value.isMissingNode() || value.isNull()) {
            return Language.SOURCE;
        }
        Language language = value.isTextual() ? Language.of(value.asText()).orElse(null) : null;
        if (language == null) {
            errors.add(new FieldError(FIELD, unsupported()));
        }
        return language;
    }

    /** {@code ?lang=} when given (refused when unsupported), else the best of the request's Accept-Language. */
    public static Language query(HttpRequest request) {
        String named = request.queryParameter(QUERY).orElse(null);
        return LanguageChoice.choose(named, request.header("Accept-Language").orElse(null))
                .orElseThrow(() -> Refusal.invalid(QUERY, unsupported()));
    }

    private static String unsupported() {
        return "Choose a language we support: " + Language.supported().stream()
                .map(language -> language.tag() + " (" + language.nativeName() + ")")
                .collect(Collectors.joining(", ")) + ".";
    }
}

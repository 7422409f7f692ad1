package io.civicdesk.languages;

import java.util.Map;
import java.util.TreeMap;

/**
 * The translations of one piece of catalogue data (a service, a question, an article): per language tag, the
 * translated text of each field by its name ({@code name}, {@code description}, {@code option.Yes}, ...). English
 * is the item's own fields; a field not translated falls back to it. A blank text is no translation, and a
 * language with none is left out, so two sets of translations that read the same are equal.
 */
public record Translations(Map<String, Map<String, String>> byLanguage) {
    public static final Translations NONE = new Translations(Map.of());

    public Translations {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        if (byLanguage != null) {
            byLanguage.forEach((tag, fields) -> {
                Map<String, String> texts = new TreeMap<>();
                fields.forEach((field, text) -> {
                    if (text != null && !text.isBlank()) {
                        texts.put(field, text);
                    }
                });
                if (!texts.isEmpty()) {
                    copy.put(tag, Map.copyOf(texts));
                }
            });
        }
        byLanguage = Map.copyOf(copy);
    }

    /** {@code field} in {@code language}, or {@code english} when it has no (or an empty) translation. */
    public String text(Language language, String field, String english) {
        if (english == null) {
            return null;
        }
        String translated = byLanguage.getOrDefault(language.tag(), Map.of()).get(field);
        return translated == null || translated.isBlank() ? english : translated;
    }

    /** The fields translated into {@code language}, by name. */
    public Map<String, String> fields(Language language) {
        return byLanguage.getOrDefault(language.tag(), Map.of());
    }
}

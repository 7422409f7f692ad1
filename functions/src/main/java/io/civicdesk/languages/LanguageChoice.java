package io.civicdesk.languages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language to answer a resident in: the one they asked for by name ({@code ?lang=} or a {@code language}
 * field) first, else the best of their browser's Accept-Language that the product speaks, else English.
 */
public final class LanguageChoice {
    private LanguageChoice() {
    }

    /** The language {@code acceptLanguage} prefers among those supported (by weight, then order); English if none. */
    public static Language fromAcceptLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.SOURCE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Language.SOURCE;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0) {
                continue;
            }
            Optional<Language> language = Language.of(range.getRange().replace("*", "").replaceAll("-$", ""));
            if (language.isPresent()) {
                return language.get();
            }
        }
        return Language.SOURCE;
    }

    /**
     * {@code named} (a tag the resident chose) when given, else from {@code acceptLanguage}; a named tag the product
     * does not speak is empty, for the caller to refuse naming its field.
     */
    public static Optional<Language> choose(String named, String acceptLanguage) {
        if (named == null || named.isBlank()) {
            return Optional.of(fromAcceptLanguage(acceptLanguage));
        }
        return Language.of(named);
    }
}

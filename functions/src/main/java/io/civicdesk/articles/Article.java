package io.civicdesk.articles;

import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a knowledge-base article: how a process works, what a caller should be asked, or a unit's page
 * in the address book. The body is Markdown, shown only through {@link Markdown}. {@code serviceIds} are the
 * services it belongs to (none: it is about the council or the unit as a whole); {@code unitId} owns it.
 * {@code translations} are the version's title, summary and body in other languages ({@link #FIELDS}); a field not
 * translated is read in English.
 */
public record Article(String articleId, ArticleKind kind, Audience audience, String title, String summary,
                      String body, List<String> serviceIds, String unitId, LocalDate reviewBy, int version,
                      Instant changedAt, String changedBy, Translations translations) {
    public static final int TITLE_MAX = 120;
    public static final int SUMMARY_MAX = 300;
    public static final int BODY_MAX = 20_000;
    public static final int MOST_SERVICES = 20;
    /** The fields a translator translates, as {@link Translations} names them. */
    public static final List<String> FIELDS = List.of("title", "summary", "body");

    public Article {
        serviceIds = List.copyOf(serviceIds);
        translations = translations == null ? Translations.NONE : translations;
    }

    public String title(Language language) {
        return translations.text(language, "title", title);
    }

    public String summary(Language language) {
        return translations.text(language, "summary", summary);
    }

    public String body(Language language) {
        return translations.text(language, "body", body);
    }

    /** The fields a resident reading {@code language} reads in English, because nobody has translated them yet. */
    public List<String> untranslated(Language language) {
        if (language == Language.SOURCE) {
            return List.of();
        }
        return FIELDS.stream().filter(field -> translations.fields(language).getOrDefault(field, "").isBlank()).toList();
    }

    /** Whether a resident may read it; a staff-only article never leaves through a resident route. */
    public boolean forResidents() {
        return audience == Audience.RESIDENTS;
    }

    /** The same words, services, unit and dates as another version: saving it again would change nothing. */
    public boolean sameContent(Article other) {
        return kind == other.kind && audience == other.audience && title.equals(other.title)
                && summary.equals(other.summary) && body.equals(other.body) && serviceIds.equals(other.serviceIds)
                && unitId.equals(other.unitId) && java.util.Objects.equals(reviewBy, other.reviewBy)
                && translations.equals(other.translations);
    }
}

package io.civicdesk.articles;

import io.civicdesk.languages.Translations;

import java.time.LocalDate;
import java.util.List;

/**
 * What a member of staff saves as the next version of an article, checked by {@link ArticleReader};
 * {@code revision} is the one they opened (null for a new article), so a change made meanwhile is not undone;
 * {@code translations} the version's texts in other languages.
 */
public record ArticleDraft(ArticleKind kind, Audience audience, String title, String summary, String body,
                           List<String> serviceIds, String unitId, LocalDate reviewBy, Integer revision,
                           Translations translations) {

    public ArticleDraft {
        serviceIds = List.copyOf(serviceIds);
        translations = translations == null ? Translations.NONE : translations;
    }
}

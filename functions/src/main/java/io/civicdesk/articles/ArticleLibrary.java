package io.civicdesk.articles;

import java.util.List;
import java.util.Optional;

/**
 * The published articles, as search and guided help read them. Drafts and retired articles are never here.
 * Callers that answer residents must filter on {@link Article#forResidents()}.
 */
public interface ArticleLibrary {

    /** Every article's published version, of every audience. */
    List<Article> published();

    /** One article's published version; empty when it does not exist, is only a draft, or was retired. */
    Optional<Article> published(String articleId);
}

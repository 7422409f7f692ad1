package io.civicdesk.guides;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.articles.Audience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Published articles in a map; drafts are kept apart and, as in the deployed library, never answered. */
final class InMemoryArticles implements ArticleLibrary {
    private final Map<String, Article> published = new LinkedHashMap<>();
    private final Map<String, Article> drafts = new LinkedHashMap<>();

    static Article article(String articleId, Audience audience) {
        return new Article(articleId, ArticleKind.GUIDANCE, audience, articleId, "", "", List.of("missed-bin"),
                "waste", LocalDate.parse("2027-06-30"), 1, Instant.parse("2026-12-01T00:00:00Z"), "editor", null);
    }

    InMemoryArticles published(Article article) {
        published.put(article.articleId(), article);
        return this;
    }

    InMemoryArticles draft(Article article) {
        drafts.put(article.articleId(), article);
        return this;
    }

    @Override
    public List<Article> published() {
        return new ArrayList<>(published.values());
    }

    @Override
    public Optional<Article> published(String articleId) {
        return Optional.ofNullable(published.get(articleId));
    }
}

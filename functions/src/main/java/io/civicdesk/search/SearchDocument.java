package io.civicdesk.search;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.Markdown;
import io.civicdesk.catalog.Service;

import java.util.List;

/** One thing search can find: a service a resident can report, or a published article. */
public record SearchDocument(Type type, String id, String title, String summary, String body, List<String> keywords,
                             boolean forResidents, String kind) {

    public enum Type {
        SERVICE("service"), ARTICLE("article");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public SearchDocument {
        keywords = List.copyOf(keywords);
    }

    public static SearchDocument of(Service service) {
        String body = String.join(" ", nonNull(service.whatHappensNext()), nonNull(service.timeframe()),
                nonNull(service.theme()));
        return new SearchDocument(Type.SERVICE, service.id(), service.name(), nonNull(service.description()), body,
                service.keywords(), true, "service");
    }

    public static SearchDocument of(Article article) {
        return new SearchDocument(Type.ARTICLE, article.articleId(), article.title(), nonNull(article.summary()),
                Markdown.text(article.body()), List.of(), article.forResidents(), article.kind().code());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

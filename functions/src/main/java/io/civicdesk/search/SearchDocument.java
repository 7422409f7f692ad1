package io.civicdesk.search;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.Markdown;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing search can find: a service a resident can report, or a published article. {@code translations} are its
 * title, summary and body in the residents' other languages, indexed with that language's analyzer.
 */
public record SearchDocument(Type type, String id, String title, String summary, String body, List<String> keywords,
                             boolean forResidents, String kind, Translations translations) {

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
        translations = translations == null ? Translations.NONE : translations;
    }

    /** Everything search finds: every service of the catalogue and every published article, of every audience. */
    public static List<SearchDocument> all(CatalogStore.Catalogue catalogue, ArticleLibrary articles) {
        List<SearchDocument> documents = new ArrayList<>();
        for (Service service : catalogue.services()) {
            Unit unit = catalogue.units().get(service.unitId());
            documents.add(of(service, unit == null ? "" : unit.name()));
        }
        articles.published().forEach(article -> documents.add(of(article)));
        return documents;
    }

    public static SearchDocument of(Service service) {
        return of(service, "");
    }

    /** A service, with the name of the unit that handles it ("Waste Services") among the words that find it. */
    public static SearchDocument of(Service service, String unitName) {
        String body = String.join(" ", nonNull(service.whatHappensNext()), nonNull(service.timeframe()),
                nonNull(service.theme()), nonNull(unitName));
        Map<String, Map<String, String>> translated = new LinkedHashMap<>();
        for (Language language : Language.supported()) {
            if (language != Language.SOURCE && !service.translations().fields(language).isEmpty()) {
                translated.put(language.tag(), Map.of("title", service.name(language),
                        "summary", nonNull(service.text(language, "description", service.description())),
                        "body", String.join(" ", nonNull(service.whatHappensNext(language)),
                                nonNull(service.text(language, "timeframe", service.timeframe())),
                                nonNull(service.text(language, "theme", service.theme())))));
            }
        }
        return new SearchDocument(Type.SERVICE, service.id(), service.name(), nonNull(service.description()), body,
                service.keywords(), true, "service", new Translations(translated));
    }

    /**
     * An article, with its translations (the body as plain text); the ids of its services are among its keywords
     * ("missed-bin" finds the missed-bin articles).
     */
    public static SearchDocument of(Article article) {
        Map<String, Map<String, String>> translated = new LinkedHashMap<>();
        article.translations().byLanguage().forEach((tag, fields) -> {
            Map<String, String> texts = new LinkedHashMap<>(fields);
            texts.computeIfPresent("body", (field, markdown) -> Markdown.text(markdown));
            translated.put(tag, texts);
        });
        return new SearchDocument(Type.ARTICLE, article.articleId(), article.title(), nonNull(article.summary()),
                Markdown.text(article.body()), article.serviceIds().stream().map(id -> id.replace('-', ' ')).toList(),
                article.forResidents(), article.kind().code(), new Translations(translated));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}

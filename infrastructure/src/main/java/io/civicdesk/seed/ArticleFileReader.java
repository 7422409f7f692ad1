package io.civicdesk.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.Audience;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.Translations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the file's knowledge base: each article published as it is written, with the same limits the staff pages
 * keep. A review date is written as months from loading ({@code reviewInMonths}), so the demo never goes stale.
 * Its {@code translations:} sit with it, by language tag: {@code ar: {title, summary, body}}, each optional.
 */
final class ArticleFileReader {
    static final String LOADED_BY = "catalogue file";
    private static final List<String> ARTICLE = List.of("id", "kind", "audience", "unitId", "serviceIds",
            "reviewInMonths", "title", "summary", "body", "translations");
    private static final Map<String, Integer> LONGEST = Map.of("title", Article.TITLE_MAX,
            "summary", Article.SUMMARY_MAX, "body", Article.BODY_MAX);

    private final Mistakes mistakes;
    private final Set<String> unitIds;
    private final Set<String> serviceIds;
    private final LocalDate today;
    private final Instant now;

    ArticleFileReader(Mistakes mistakes, Set<String> unitIds, Set<String> serviceIds, LocalDate today, Instant now) {
        this.mistakes = mistakes;
        this.unitIds = unitIds;
        this.serviceIds = serviceIds;
        this.today = today;
        this.now = now;
    }

    List<Article> articles(Fields catalogue) {
        List<Article> articles = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Fields.Item item : catalogue.list("articles", false, 2_000, "articles")) {
            Fields article = Fields.of(item.value(), item.path(), mistakes, "an article", ARTICLE);
            if (article == null) {
                continue;
            }
            int before = mistakes.count();
            String id = article.id("id");
            article.unique("id", id, ids, "article");
            ArticleKind kind = choice(article, "kind", ArticleKind.GUIDANCE.code(), ArticleKind.UNIT_PAGE.code()) == 0
                    ? ArticleKind.GUIDANCE : ArticleKind.UNIT_PAGE;
            Audience audience = choice(article, "audience", Audience.RESIDENTS.code(), Audience.STAFF.code()) == 0
                    ? Audience.RESIDENTS : Audience.STAFF;
            String unitId = article.id("unitId");
            if (unitId != null && !unitIds.contains(unitId)) {
                article.mistake("unitId", "there is no unit \"" + unitId + "\" in this file");
            }
            List<String> services = article.texts("serviceIds", 64, Article.MOST_SERVICES);
            for (int i = 0; i < services.size(); i++) {
                if (!serviceIds.contains(services.get(i))) {
                    mistakes.add(article.path("serviceIds") + "[" + i + "]", "there is no service \"" + services.get(i)
                            + "\" in this file");
                }
            }
            Long months = article.whole("reviewInMonths", -24, 60);
            String title = article.text("title", Article.TITLE_MAX);
            String summary = article.text("summary", Article.SUMMARY_MAX);
            String body = article.text("body", Article.BODY_MAX);
            Translations translations = translations(article);
            if (mistakes.count() == before) {
                articles.add(new Article(id, kind, audience, title, summary, body, services, unitId,
                        today.plusMonths(months), 1, now, LOADED_BY, translations));
            }
        }
        return articles;
    }

    private Translations translations(Fields article) {
        JsonNode section = article.raw("translations");
        if (section.isMissingNode() || section.isNull()) {
            return Translations.NONE;
        }
        if (!section.isObject()) {
            article.mistake("translations", "must be a mapping of language tags to the article's texts, not "
                    + Fields.shown(section));
            return Translations.NONE;
        }
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        section.fields().forEachRemaining(entry -> {
            String at = article.path("translations") + "." + entry.getKey();
            Language language = Language.of(entry.getKey()).filter(found -> found != Language.SOURCE
                    && found.tag().equals(entry.getKey())).orElse(null);
            if (language == null) {
                mistakes.add(at, "\"" + entry.getKey() + "\" is not a language to translate into: write one of "
                        + String.join(", ", Language.supported().stream().filter(each -> each != Language.SOURCE)
                        .map(Language::tag).toList()) + " (English is the article's own text)");
                return;
            }
            Fields texts = Fields.of(entry.getValue(), at, mistakes, "an article's translation", Article.FIELDS);
            if (texts == null) {
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : Article.FIELDS) {
                JsonNode value = texts.raw(name);
                String text = value.isMissingNode() || value.isNull() ? null
                        : Fields.text(value, texts.path(name), LONGEST.get(name), mistakes);
                if (text != null) {
                    fields.put(name, text);
                }
            }
            byLanguage.put(language.tag(), fields);
        });
        return new Translations(byLanguage);
    }

    /** Which of the choices the field holds (0 or 1); a mistake, and 0, when it is neither. */
    private int choice(Fields article, String name, String first, String second) {
        String written = article.text(name, 20);
        if (second.equals(written)) {
            return 1;
        }
        if (written != null && !first.equals(written)) {
            article.mistake(name, "choose " + first + " or " + second + ", not \"" + written + "\"");
        }
        return 0;
    }
}

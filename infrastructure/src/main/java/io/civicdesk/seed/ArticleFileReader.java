package io.civicdesk.seed;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.Audience;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the file's knowledge base: each article published as it is written, with the same limits the staff pages
 * keep. A review date is written as months from loading ({@code reviewInMonths}), so the demo never goes stale.
 */
final class ArticleFileReader {
    static final String LOADED_BY = "catalogue file";
    private static final List<String> ARTICLE = List.of("id", "kind", "audience", "unitId", "serviceIds",
            "reviewInMonths", "title", "summary", "body");

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
            if (mistakes.count() == before) {
                articles.add(new Article(id, kind, audience, title, summary, body, services, unitId,
                        today.plusMonths(months), 1, now, LOADED_BY));
            }
        }
        return articles;
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

package io.civicdesk.articles;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Unit;
import io.civicdesk.languages.Language;
import io.civicdesk.platform.StaffCaller;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The article routes' answers as the portal reads them (docs/api.md, docs/staff-api.md), with the catalogue's names
 * of units and services, and the council's date that review dates are checked against.
 */
final class ArticleViews {
    private final Catalog catalog;
    private final Supplier<LocalDate> today;

    ArticleViews(Catalog catalog, Supplier<LocalDate> today) {
        this.catalog = catalog;
        this.today = today;
    }

    /**
     * A resident's article in their language: rendered, never the Markdown source, with the services it helps with.
     * {@code english} names the fields still in English (nobody has translated them), so the page can say so.
     */
    Map<String, Object> resident(Article article, Language language) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("articleId", article.articleId());
        view.put("kind", article.kind().code());
        view.put("language", language.tag());
        view.put("title", article.title(language));
        view.put("summary", article.summary(language));
        view.put("html", Markdown.html(article.body(language)));
        view.put("english", article.untranslated(language));
        view.put("serviceIds", article.serviceIds());
        view.put("unitId", article.unitId());
        view.put("unitName", catalog.unit(article.unitId()).map(Unit::name).orElse(null));
        view.put("changedAt", article.changedAt().toString());
        view.put("services", article.serviceIds().stream().flatMap(id -> catalog.service(id).stream())
                .map(service -> Map.<String, Object>of("serviceId", service.id(), "name", service.name(language))).toList());
        return view;
    }

    /** One line of the staff list; {@code caller} null when whoever reads it is not known (a conflict's body). */
    static Map<String, Object> summary(ArticleState state, LocalDate today, StaffCaller caller) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("articleId", state.articleId());
        view.put("title", state.title());
        view.put("kind", state.kind().code());
        view.put("audience", state.audience().code());
        view.put("unitId", state.unitId());
        view.put("serviceIds", state.serviceIds());
        view.put("status", state.status().code());
        view.put("latestVersion", state.latestVersion());
        view.put("publishedVersion", state.publishedVersion());
        view.put("hasDraft", state.hasDraft());
        view.put("reviewBy", state.reviewBy() == null ? null : state.reviewBy().toString());
        view.put("dueForReview", state.dueForReview(today));
        view.put("revision", state.revision());
        view.put("changedAt", state.changedAt().toString());
        view.put("changedBy", state.changedBy());
        if (caller != null) {
            view.put("canChange", ArticleService.mayChange(caller, state.unitId()));
        }
        view.put("url", "staff/article.html?id=" + state.articleId());
        return view;
    }

    /** Every article, with the council's units and services an author chooses from. */
    Map<String, Object> list(List<ArticleState> states, StaffCaller caller) {
        LocalDate day = today.get();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("articles", states.stream().map(state -> summary(state, day, caller)).toList());
        view.put("units", catalog.units().values().stream()
                .map(unit -> Map.<String, Object>of("unitId", unit.id(), "name", unit.name())).toList());
        view.put("services", catalog.catalogue().services().stream().map(service -> Map.<String, Object>of(
                "serviceId", service.id(), "name", service.name(), "unitId", service.unitId())).toList());
        view.put("today", day.toString());
        return view;
    }

    Map<String, Object> details(ArticleService.Details details, StaffCaller caller) {
        Map<String, Object> view = summary(details.state(), today.get(), caller);
        view.put("latest", version(details.latest()));
        view.put("published", details.published().map(this::version).orElse(null));
        view.put("history", newestFirst(details.history()).stream().map(article -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("version", article.version());
            line.put("title", article.title());
            line.put("changedAt", article.changedAt().toString());
            line.put("changedBy", article.changedBy());
            line.put("published", details.state().publishedVersion() != null
                    && details.state().publishedVersion() == article.version());
            return line;
        }).toList());
        return view;
    }

    private static List<Article> newestFirst(List<Article> history) {
        List<Article> reversed = new java.util.ArrayList<>(history);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    Map<String, Object> panel(ArticleService.Panel panel) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("serviceId", panel.service().id());
        view.put("articles", panel.articles().stream().map(ArticleViews::link).toList());
        view.put("unitPages", panel.unitPages().stream().map(ArticleViews::link).toList());
        return view;
    }

    static Map<String, Object> preview(String markdown) {
        return Map.of("html", Markdown.html(markdown));
    }

    private Map<String, Object> version(Article article) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", article.version());
        view.put("kind", article.kind().code());
        view.put("audience", article.audience().code());
        view.put("title", article.title());
        view.put("summary", article.summary());
        view.put("body", article.body());
        view.put("html", Markdown.html(article.body()));
        view.put("serviceIds", article.serviceIds());
        view.put("services", services(article.serviceIds()));
        view.put("unitId", article.unitId());
        view.put("reviewBy", article.reviewBy() == null ? null : article.reviewBy().toString());
        view.put("changedAt", article.changedAt().toString());
        view.put("changedBy", article.changedBy());
        view.put("translations", article.translations().byLanguage());
        Map<String, Object> english = new LinkedHashMap<>();
        Language.supported().stream().filter(language -> language != Language.SOURCE)
                .forEach(language -> english.put(language.tag(), article.untranslated(language)));
        view.put("untranslated", english);
        return view;
    }

    private static Map<String, Object> link(Article article) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("articleId", article.articleId());
        view.put("title", article.title());
        view.put("summary", article.summary());
        view.put("kind", article.kind().code());
        view.put("audience", article.audience().code());
        view.put("url", "staff/article.html?id=" + article.articleId());
        return view;
    }

    private List<Map<String, Object>> services(List<String> serviceIds) {
        return serviceIds.stream().flatMap(id -> catalog.service(id).stream())
                .map(service -> Map.<String, Object>of("serviceId", service.id(), "name", service.name())).toList();
    }
}

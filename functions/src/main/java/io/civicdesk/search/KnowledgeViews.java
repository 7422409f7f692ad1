package io.civicdesk.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The knowledge function's answers as the staff pages read them (docs/staff-api.md). */
final class KnowledgeViews {
    private KnowledgeViews() {
    }

    static Map<String, Object> synonyms(SynonymBook.Saved saved, Optional<IndexGeneration> index) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("groups", saved.synonyms().groups());
        view.put("version", saved.version());
        view.put("changedAt", saved.changedAt() == null ? null : saved.changedAt().toString());
        view.put("changedByName", saved.changedByName());
        // Whether search uses this version yet: the stored index carries the synonyms it was built with.
        view.put("inUse", index.map(generation -> generation.synonymsVersion() >= saved.version()).orElse(false));
        view.put("indexBuiltAt", index.map(generation -> generation.builtAt().toString()).orElse(null));
        return view;
    }

    static Map<String, Object> figures(KnowledgeFigures figures) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("from", figures.from().toString());
        view.put("to", figures.to().toString());
        view.put("noResultSearches", figures.noResultSearches());
        view.put("noResultTerms", figures.noResultTerms().stream()
                .map(term -> Map.of("term", term.term(), "searches", term.searches())).toList());
        view.put("articles", figures.articles().stream().map(KnowledgeViews::article).toList());
        view.put("overall", article(figures.overall()));
        return view;
    }

    private static Map<String, Object> article(ArticleFigures figures) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (figures.articleId() != null) {
            view.put("articleId", figures.articleId());
            view.put("title", figures.title());
        }
        view.put("helpful", figures.helpful());
        view.put("notHelpful", figures.notHelpful());
        view.put("read", figures.read());
        view.put("reportedAfterReading", figures.reportedAfterReading());
        view.put("readWithoutReporting", figures.readWithoutReporting());
        return view;
    }
}

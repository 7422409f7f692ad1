package io.civicdesk.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** Search results as the portal reads them: each hit with the page it opens. */
final class SearchView {
    private SearchView() {
    }

    static Map<String, Object> of(SearchResults results) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("query", results.query());
        view.put("results", results.hits().stream().map(SearchView::hit).toList());
        results.suggestion().ifPresent(suggestion -> view.put("suggestion", suggestion));
        return view;
    }

    private static Map<String, Object> hit(SearchHit hit) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("type", hit.type().code());
        view.put("id", hit.id());
        view.put("title", hit.title());
        view.put("summary", hit.summary());
        view.put("snippetHtml", hit.snippetHtml());
        view.put("url", url(hit));
        if (hit.type() == SearchDocument.Type.ARTICLE) {
            view.put("kind", hit.kind());
            view.put("audience", hit.forResidents() ? "residents" : "staff");
        }
        return view;
    }

    private static String url(SearchHit hit) {
        if (hit.type() == SearchDocument.Type.SERVICE) {
            return "report.html?service=" + hit.id();
        }
        return hit.forResidents() ? "article.html?id=" + hit.id() : "staff/article.html?id=" + hit.id();
    }

}

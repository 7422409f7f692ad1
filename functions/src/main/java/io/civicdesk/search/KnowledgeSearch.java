package io.civicdesk.search;

import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.platform.Cached;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One search over the council's services and its published articles. The index is built from them once per container
 * and again every few minutes, as the catalogue is cached, so a newly published article is found within minutes.
 */
public final class KnowledgeSearch {
    /** As long as a warm container keeps the catalogue: an edit shows in search no later than on the service list. */
    private static final Duration REBUILD_AFTER = Duration.ofMinutes(5);
    public static final int MAX_RESULTS = 20;

    private record Built(KnowledgeIndex index, Synonyms synonyms) {
    }

    private final Cached<Built> built;

    public KnowledgeSearch(Catalog catalog, ArticleLibrary articles, SynonymBook synonyms, Clock clock) {
        this.built = new Cached<>(() -> {
            List<SearchDocument> documents = new ArrayList<>();
            catalog.catalogue().services().forEach(service -> documents.add(SearchDocument.of(service)));
            articles.published().forEach(article -> documents.add(SearchDocument.of(article)));
            return new Built(KnowledgeIndex.build(documents), synonyms.synonyms());
        }, REBUILD_AFTER, clock);
    }

    /** What a resident may find: services and articles for residents. */
    public SearchResults forResidents(SearchQuery query, int limit) {
        Built current = built.get();
        return current.index().search(query, current.synonyms(), true, Math.min(limit, MAX_RESULTS));
    }

    /** What staff may find: every article, staff-only ones too. */
    public SearchResults forStaff(SearchQuery query, int limit) {
        Built current = built.get();
        return current.index().search(query, current.synonyms(), false, Math.min(limit, MAX_RESULTS));
    }
}

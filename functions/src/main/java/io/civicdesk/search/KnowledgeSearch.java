package io.civicdesk.search;

import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.languages.Language;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One search over the council's services and its published articles, from the index the builder stored: loaded once
 * per container, and the pointer to it read again (one GetItem) at most every {@link #RECHECK}, so a newly published
 * article is found within about half a minute of the build. Before anything is stored (a fresh deployment, or a
 * stored generation that cannot be read whole), the container builds its own index from the catalogue and the
 * library, and builds it again every {@link #REBUILD_IN_MEMORY} until a stored one appears: search works from the
 * first request, with no hand-made items.
 */
public final class KnowledgeSearch {
    static final Duration RECHECK = Duration.ofSeconds(30);
    static final Duration REBUILD_IN_MEMORY = Duration.ofMinutes(5);
    public static final int MAX_RESULTS = 20;

    /** The index a container searches: a stored generation's, or (generation null) its own. */
    private record Loaded(KnowledgeIndex index, Synonyms synonyms, String generation, Instant at) {
    }

    private final Catalog catalog;
    private final ArticleLibrary articles;
    private final SynonymBook synonyms;
    private final StoredIndexes stored;
    private final Clock clock;
    private final Duration recheck;
    private Loaded loaded;
    private Instant checkedAt;

    /** With no stored index: the container's own, built again every few minutes. */
    public KnowledgeSearch(Catalog catalog, ArticleLibrary articles, SynonymBook synonyms, Clock clock) {
        this(catalog, articles, synonyms, StoredIndexes.NONE, clock, RECHECK);
    }

    public KnowledgeSearch(Catalog catalog, ArticleLibrary articles, SynonymBook synonyms, StoredIndexes stored,
                           Clock clock, Duration recheck) {
        this.catalog = catalog;
        this.articles = articles;
        this.synonyms = synonyms;
        this.stored = stored;
        this.clock = clock;
        this.recheck = recheck;
    }

    /** What a resident reading {@code language} may find: services and articles for residents. */
    public SearchResults forResidents(SearchQuery query, Language language, int limit) {
        Loaded current = current();
        return current.index().search(query, language, current.synonyms(), true, Math.min(limit, MAX_RESULTS));
    }

    /** What staff may find: every article, staff-only ones too. */
    public SearchResults forStaff(SearchQuery query, int limit) {
        Loaded current = current();
        return current.index().search(query, Language.SOURCE, current.synonyms(), false, Math.min(limit, MAX_RESULTS));
    }

    /** The stored generation searched, or empty while the container searches its own index. */
    public synchronized Optional<String> generation() {
        return Optional.ofNullable(current().generation());
    }

    private synchronized Loaded current() {
        Instant now = clock.instant();
        if (loaded != null && now.isBefore(checkedAt.plus(recheck))) {
            return loaded;
        }
        checkedAt = now;
        Optional<IndexGeneration> pointer = stored.current();
        if (pointer.isPresent()) {
            IndexGeneration generation = pointer.get();
            if (loaded != null && generation.id().equals(loaded.generation())) {
                return loaded;
            }
            Optional<byte[]> bytes = stored.read(generation);
            if (bytes.isPresent()) {
                loaded = new Loaded(KnowledgeIndex.fromBytes(bytes.get()), generation.synonyms(), generation.id(), now);
                return loaded;
            }
            // Replaced and removed while being read, or not whole: keep what is held; the next check reads again.
        }
        if (loaded == null || loaded.generation() == null && !now.isBefore(loaded.at().plus(REBUILD_IN_MEMORY))) {
            loaded = new Loaded(KnowledgeIndex.build(SearchDocument.all(catalog.catalogue(), articles)),
                    synonyms.synonyms(), null, now);
        }
        return loaded;
    }
}

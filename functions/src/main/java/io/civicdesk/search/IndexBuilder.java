package io.civicdesk.search;

import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.catalog.Catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the search index from the catalogue, the published articles and the synonyms as they are now, and stores it
 * as the next generation. Run when any of them changes (the catalogue table's stream) and on a schedule, so a change
 * whose stream record was dropped is in the index within the hour. Two builds at once are settled by the pointer's
 * conditional write: the one that lost reads everything again and tries once more.
 */
public final class IndexBuilder {
    private static final int ATTEMPTS = 3;

    /** What one build stored; no personal information (article and service text is public or staff guidance). */
    public record Built(String generation, int documents, long bytes, int chunks, long buildMillis) {
    }

    private final Catalog catalog;
    private final ArticleLibrary articles;
    private final SynonymBook synonyms;
    private final StoredIndexes stored;
    private final Clock clock;

    public IndexBuilder(Catalog catalog, ArticleLibrary articles, SynonymBook synonyms, StoredIndexes stored, Clock clock) {
        this.catalog = catalog;
        this.articles = articles;
        this.synonyms = synonyms;
        this.stored = stored;
        this.clock = clock;
    }

    public Built rebuild() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<IndexGeneration> replacing = stored.current();
            SynonymBook.Saved words = synonyms.saved();
            long started = System.nanoTime();
            List<SearchDocument> documents = SearchDocument.all(catalog.catalogue(), articles);
            byte[] index = KnowledgeIndex.build(documents).bytes();
            long buildMillis = (System.nanoTime() - started) / 1_000_000;
            Instant at = clock.instant();
            Optional<IndexGeneration> published = stored.publish(generationId(at), index, documents.size(),
                    words.synonyms(), words.version(), replacing, at);
            if (published.isPresent()) {
                return new Built(published.get().id(), documents.size(), index.length, published.get().chunks(), buildMillis);
            }
        }
        // The stream retries the batch; the schedule's next run builds it in any case.
        throw new IllegalStateException("Other builds of the search index kept replacing it first; this one gave way "
                + ATTEMPTS + " times");
    }

    /** Sorts by time built; the random tail keeps two builds in the same millisecond apart. */
    static String generationId(Instant at) {
        return String.format("%013d-%04x", at.toEpochMilli(), ThreadLocalRandom.current().nextInt(0x10000));
    }
}

package io.civicdesk.search;

import io.civicdesk.languages.Language;
import io.civicdesk.articles.Audience;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.catalog.Service;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index built on publishing, stored as generations, and loaded once per container with a recheck of its pointer. */
class StoredIndexTest {
    private final MovingClock clock = new MovingClock(Instant.parse("2026-06-01T02:00:00Z"));
    private final InMemoryCatalog catalog = InMemoryCatalog.twoUnits().with(new Service("missed-bin",
            "Missed bin collection", "Bins", "waste", "Your bin was not emptied on your collection day.",
            "We send a truck back.", "2 days", null, 1, 2, List.of("wheelie bin"), 1, List.of()));
    private final SearchFakes.Articles articles = new SearchFakes.Articles()
            .with(SearchFakes.article("bin-collection-days", Audience.RESIDENTS, "Bin collection days",
                    "General waste is collected every week."));
    private final SearchFakes.SynonymGroups synonyms = new SearchFakes.SynonymGroups(
            new Synonyms(List.of(List.of("rubbish", "waste"))));
    private final SearchFakes.Shelf shelf = new SearchFakes.Shelf();
    private final IndexBuilder builder = new IndexBuilder(catalog, articles, synonyms, shelf, clock);

    private KnowledgeSearch freshContainer() {
        return new KnowledgeSearch(catalog, articles, synonyms, shelf, clock, Duration.ofSeconds(30));
    }

    private static List<String> ids(KnowledgeSearch search, String typed) {
        return search.forResidents(SearchQuery.of(typed), Language.SOURCE, 10).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void withNothingStoredAContainerBuildsItsOwnIndex() {
        KnowledgeSearch search = freshContainer();

        assertTrue(ids(search, "rubish colection").contains("missed-bin"));
        assertTrue(search.generation().isEmpty());
    }

    @Test
    void aFreshContainerLoadsTheStoredGenerationWithItsSynonyms() {
        IndexBuilder.Built built = builder.rebuild();
        // The library changes after the build: a container that loaded the stored index does not see it.
        articles.with(SearchFakes.article("unstored", Audience.RESIDENTS, "Unstored waste article", "Only in the library."));

        KnowledgeSearch search = freshContainer();

        assertEquals(built.generation(), search.generation().orElseThrow());
        assertTrue(ids(search, "rubbish").contains("bin-collection-days"), ids(search, "rubbish").toString());
        assertFalse(ids(search, "unstored").contains("unstored"));
        assertEquals(2, built.documents());
    }

    @Test
    void aWarmContainerSeesANewGenerationAtItsNextCheckOnly() {
        builder.rebuild();
        KnowledgeSearch search = freshContainer();
        assertFalse(ids(search, "streetlight").contains("street-lights"));

        articles.with(SearchFakes.article("street-lights", Audience.RESIDENTS, "Street lights", "A streetlight is out."));
        IndexBuilder.Built next = builder.rebuild();
        clock.move(Duration.ofSeconds(10));
        assertFalse(ids(search, "streetlight").contains("street-lights"));
        int reads = shelf.reads;

        clock.move(Duration.ofSeconds(25));
        assertTrue(ids(search, "streetlight").contains("street-lights"));
        assertEquals(next.generation(), search.generation().orElseThrow());
        assertEquals(reads + 1, shelf.reads);

        clock.move(Duration.ofSeconds(31));
        ids(search, "streetlight");
        assertEquals(reads + 1, shelf.reads, "the same generation is not read twice");
    }

    @Test
    void aSynonymChangeReachesSearchThroughTheNextGeneration() {
        builder.rebuild();
        KnowledgeSearch search = freshContainer();
        assertFalse(ids(search, "garbage").contains("bin-collection-days"));

        synonyms.replace(new Synonyms(List.of(List.of("rubbish", "waste", "garbage"))), 1, clock.instant(), "a", "A");
        builder.rebuild();
        clock.move(Duration.ofSeconds(31));

        assertTrue(ids(search, "garbage").contains("bin-collection-days"));
    }

    @Test
    void onlyTheCurrentGenerationAndTheOneItReplacedAreKept() {
        String first = builder.rebuild().generation();
        String second = builder.rebuild().generation();
        String third = builder.rebuild().generation();

        assertEquals(List.of(second, third), List.copyOf(shelf.generations.keySet()));
        assertFalse(shelf.generations.containsKey(first));
    }

    @Test
    void aGenerationThatCannotBeReadWholeLeavesTheContainerOnWhatItHas() {
        builder.rebuild();
        KnowledgeSearch search = freshContainer();
        String loaded = search.generation().orElseThrow();
        builder.rebuild();
        shelf.generations.remove(shelf.pointer.id());

        clock.move(Duration.ofSeconds(31));

        assertEquals(loaded, search.generation().orElseThrow());
        assertTrue(ids(search, "bin").contains("missed-bin"));
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

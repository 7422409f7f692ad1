package io.civicdesk.search;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.time.Clock;
import java.util.Map;

/**
 * The council's synonyms as administrators edit them. Saving moves the version on; the save reaches the index
 * builder on the catalogue table's stream, and searches use the new groups once its next generation is stored.
 */
public final class SynonymAdmin {
    private final SynonymBook book;
    private final StoredIndexes stored;
    private final Clock clock;

    public SynonymAdmin(SynonymBook book, StoredIndexes stored, Clock clock) {
        this.book = book;
        this.stored = stored;
        this.clock = clock;
    }

    public Map<String, Object> get() {
        return KnowledgeViews.synonyms(book.saved(), stored.current());
    }

    public Map<String, Object> put(StaffCaller caller, SynonymsReader.Change change) {
        if (!book.replace(change.synonyms(), change.version(), clock.instant(), caller.id(), caller.name())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "Someone saved the synonyms since you opened them. Your change "
                    + "was not saved: look at theirs, then make yours again.", java.util.List.of(),
                    Map.of("current", get()));
        }
        return get();
    }
}

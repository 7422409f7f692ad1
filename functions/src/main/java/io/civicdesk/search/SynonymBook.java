package io.civicdesk.search;

import java.time.Instant;

/** Where the council's synonyms are kept, with a version so two administrators' edits cannot overwrite each other. */
public interface SynonymBook {
    /** The synonyms as last saved; version 0 and no groups before any were saved. */
    Saved saved();

    default Synonyms synonyms() {
        return saved().synonyms();
    }

    /** Saves {@code synonyms} if they are still at {@code expectedVersion}; false when someone saved others first. */
    boolean replace(Synonyms synonyms, long expectedVersion, Instant at, String byId, String byName);

    record Saved(Synonyms synonyms, long version, Instant changedAt, String changedByName) {
        public static final Saved NONE = new Saved(Synonyms.NONE, 0, null, null);
    }
}

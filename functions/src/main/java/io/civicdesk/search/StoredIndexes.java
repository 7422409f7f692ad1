package io.civicdesk.search;

import java.util.Optional;

/** Where the built search index is kept between containers: generations of bytes and a pointer to the current one. */
public interface StoredIndexes {
    /** Nowhere: every container builds its own index (tests, and a function given no table to keep one in). */
    StoredIndexes NONE = new StoredIndexes() {
        @Override
        public Optional<IndexGeneration> current() {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> read(IndexGeneration generation) {
            return Optional.empty();
        }

        @Override
        public Optional<IndexGeneration> publish(String generationId, byte[] index, int documents, Synonyms synonyms,
                                                 long synonymsVersion, Optional<IndexGeneration> replacing,
                                                 java.time.Instant at) {
            return Optional.empty();
        }
    };

    /** The generation the pointer names; empty before the first build (a fresh deployment). */
    Optional<IndexGeneration> current();

    /** The generation's bytes; empty when they are not all there (removed meanwhile) or do not match its checksum. */
    Optional<byte[]> read(IndexGeneration generation);

    /**
     * Stores {@code index} as a new generation and points to it, if the pointer is still {@code replacing} (empty:
     * still absent); the generation before {@code replacing} is then removed. The new pointer; empty, with nothing
     * left behind, when another build moved the pointer first.
     */
    Optional<IndexGeneration> publish(String generationId, byte[] index, int documents, Synonyms synonyms, long synonymsVersion,
                    Optional<IndexGeneration> replacing, java.time.Instant at);
}

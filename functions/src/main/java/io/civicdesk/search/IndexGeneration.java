package io.civicdesk.search;

import java.time.Instant;

/**
 * One stored build of the search index: what the CURRENT pointer names. {@code chunks} pieces of {@code bytes} in
 * all, whose SHA-256 is {@code sha256}, so a reader can tell a whole generation from one half written or half
 * removed. The synonyms the generation was built with travel with it: one GetItem tells a search function both.
 * {@code previous} is the generation it replaced, kept until the next one replaces it (a container may be reading
 * it at this moment); {@code version} orders the pointer's changes, each a conditional write.
 */
public record IndexGeneration(String id, int chunks, long bytes, String sha256, int documents, Synonyms synonyms,
                              long synonymsVersion, Instant builtAt, String previous, int previousChunks,
                              long version) {
}

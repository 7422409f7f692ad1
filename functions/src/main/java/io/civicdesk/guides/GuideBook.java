package io.civicdesk.guides;

import java.util.List;
import java.util.Optional;

/** Where the guided conversations are kept, each topic with a version so two administrators' edits cannot collide. */
public interface GuideBook {

    /** Every topic's current version, retired ones included (see {@link Guide}), in topic id order. */
    List<Saved> topics();

    /** The topic's current version; empty when it was never saved. */
    Optional<Saved> current(String topicId);

    /**
     * Saves {@code guide} as the topic's next version if the topic is still at {@code expectedVersion} (0: a topic
     * not saved before); false when someone saved or retired it first. {@code guide.version()} is the new version.
     */
    boolean save(Guide guide, int expectedVersion);

    /** Takes the topic off the resident pages if it is still at {@code expectedVersion}; false otherwise. */
    boolean retire(String topicId, int expectedVersion);

    /** A topic as it stands: its current version, and whether it was taken off the resident pages. */
    record Saved(Guide guide, boolean retired) {
    }
}

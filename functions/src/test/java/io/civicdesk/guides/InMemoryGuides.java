package io.civicdesk.guides;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The guides in a map, with the store's version conditions. */
final class InMemoryGuides implements GuideBook {
    private final TreeMap<String, Saved> current = new TreeMap<>();
    final List<Guide> versions = new ArrayList<>();

    @Override
    public List<Saved> topics() {
        return new ArrayList<>(current.values());
    }

    @Override
    public Optional<Saved> current(String topicId) {
        return Optional.ofNullable(current.get(topicId));
    }

    @Override
    public boolean save(Guide guide, int expectedVersion) {
        int at = current.containsKey(guide.topicId()) ? current.get(guide.topicId()).guide().version() : 0;
        if (at != expectedVersion) {
            return false;
        }
        current.put(guide.topicId(), new Saved(guide, false));
        versions.add(guide);
        return true;
    }

    @Override
    public boolean retire(String topicId, int expectedVersion) {
        Saved saved = current.get(topicId);
        if (saved == null || saved.guide().version() != expectedVersion) {
            return false;
        }
        current.put(topicId, new Saved(saved.guide(), true));
        return true;
    }
}

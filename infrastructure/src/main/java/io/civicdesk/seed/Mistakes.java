package io.civicdesk.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The mistakes found in one file so far, each placed at its field's line, or at the nearest enclosing one that is written. */
final class Mistakes {
    private final String source;
    private final List<Mistake> found = new ArrayList<>();
    private Map<String, YamlTree.Place> places = Map.of();

    Mistakes(String source) {
        this.source = source;
    }

    void placesFrom(Map<String, YamlTree.Place> places) {
        this.places = places;
    }

    void add(String field, String message) {
        add(field, placeOf(field), message);
    }

    void add(String field, YamlTree.Place place, String message) {
        found.add(new Mistake(source, field, place == null ? 0 : place.line(), place == null ? 0 : place.column(), message));
    }

    int count() {
        return found.size();
    }

    /** Throws the mistakes found, in the order of the file, so they can be put right from the top down. */
    void throwIfAny() throws CatalogFileException {
        if (!found.isEmpty()) {
            throw new CatalogFileException(found.stream()
                    .sorted(Comparator.comparingInt(Mistake::line).thenComparingInt(Mistake::column)).toList());
        }
    }

    /** A field left out has no place of its own: the object it belongs in stands for it. */
    private YamlTree.Place placeOf(String field) {
        String path = field;
        while (!places.containsKey(path) && !path.isEmpty()) {
            path = path.substring(0, Math.max(0, Math.max(path.lastIndexOf('.'), path.lastIndexOf('['))));
        }
        return places.get(path);
    }
}

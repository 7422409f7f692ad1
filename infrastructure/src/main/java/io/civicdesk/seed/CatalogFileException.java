package io.civicdesk.seed;

import java.util.List;
import java.util.stream.Collectors;

/** A catalogue file that cannot be loaded as it is, with every mistake found in it. */
public final class CatalogFileException extends Exception {
    private final List<Mistake> mistakes;

    CatalogFileException(List<Mistake> mistakes) {
        super(mistakes.stream().map(Mistake::toString).collect(Collectors.joining("\n")), null, false, false);
        this.mistakes = List.copyOf(mistakes);
    }

    public List<Mistake> mistakes() {
        return mistakes;
    }
}

package io.civicdesk.seed;

/**
 * One thing wrong in a catalogue file: where (the field's path, and its line and column from 1; 0 when the
 * place is not known) and what to do about it.
 */
public record Mistake(String source, String field, int line, int column, String message) {
    /** As compilers write it, so an editor or terminal can jump to it: {@code melaleuca.yaml:42:9: services[3].name: ...}. */
    @Override
    public String toString() {
        String where = line > 0 ? source + ":" + line + ":" + column : source;
        return where + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}

package io.civicdesk.search;

import java.util.List;
import java.util.Locale;

/**
 * The council's groups of words that mean the same to a resident ("rubbish", "waste", "garbage"). A group may hold
 * phrases ("nature strip"). Every word of a group finds what any other finds.
 */
public record Synonyms(List<List<String>> groups) {
    public static final Synonyms NONE = new Synonyms(List.of());

    public Synonyms {
        groups = groups.stream()
                .map(group -> group.stream().map(word -> word.strip().toLowerCase(Locale.ROOT))
                        .filter(word -> !word.isEmpty()).distinct().toList())
                .filter(group -> group.size() > 1)
                .toList();
    }
}

package io.civicdesk.search;

import io.civicdesk.platform.Refusal;

/**
 * What a person typed into a search box, made safe to search with. Nothing typed is a syntax error: the words are
 * analysed as plain text and never parsed as Lucene query syntax, and a pasted page is cut rather than refused.
 */
public record SearchQuery(String text) {
    private static final int DEFAULT_LIMIT = 10;

    /** Longer than any problem described in a search box; the rest of a pasted text adds nothing but work. */
    public static final int MAX_LENGTH = 200;
    /** As many words as are searched for: each is a few Lucene queries, and a sentence says it in fewer. */
    public static final int MAX_WORDS = 12;

    public static SearchQuery of(String typed) {
        String text = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw Refusal.invalid("q", "Type a few words about what you are looking for, for example \"missed bin\".");
        }
        if (text.length() > MAX_LENGTH) {
            int end = text.lastIndexOf(' ', MAX_LENGTH);
            text = text.substring(0, end > MAX_LENGTH / 2 ? end : MAX_LENGTH);
        }
        String[] words = text.split(" ");
        if (words.length > MAX_WORDS) {
            text = String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS));
        }
        return new SearchQuery(text);
    }

    /** How many results {@code ?limit=} asks for: 10 when absent; 400 naming {@code limit} when not a whole number in range. */
    public static int limit(String typed) {
        if (typed == null || typed.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(typed.strip());
            if (limit >= 1 && limit <= KnowledgeSearch.MAX_RESULTS) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as for a number out of range
        }
        throw Refusal.invalid("limit", "limit is how many results to show: a whole number from 1 to "
                + KnowledgeSearch.MAX_RESULTS + ".");
    }
}

package io.civicdesk.search;

import io.civicdesk.platform.Log;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts a resident's search that found nothing, by day and by its words, for the knowledge figures. The words are
 * kept only as far as they say what was looked for: lower-cased, without stop words, numbers, addresses of mail or
 * anything like a house number, at most {@value #MOST_WORDS} words and {@value #MOST_CHARS} characters. A count that
 * fails is told in the log (without the words) and never fails the search.
 */
public final class NoResultSearches {
    static final int MOST_WORDS = 6;
    static final int MOST_CHARS = 60;
    private static final int LONGEST_WORD = 24;

    /** Counts nothing: a function given no figures table. */
    public static final NoResultSearches NONE = new NoResultSearches(null, null, null);

    private final KnowledgeCounters counters;
    private final Supplier<ZoneId> councilZone;
    private final Clock clock;

    public NoResultSearches(KnowledgeCounters counters, Supplier<ZoneId> councilZone, Clock clock) {
        this.counters = counters;
        this.councilZone = councilZone;
        this.clock = clock;
    }

    public void count(SearchQuery query) {
        if (counters == null) {
            return;
        }
        try {
            counters.noResult(LocalDate.ofInstant(clock.instant(), councilZone.get()), term(query));
        } catch (RuntimeException e) {
            Log.info("search.no-result-not-counted", Map.of("error", e.getClass().getSimpleName()));
        }
    }

    /** The words worth counting, normalised; null when none are left. */
    static String term(SearchQuery query) {
        List<String> kept = new ArrayList<>();
        for (String word : KnowledgeIndex.words(query.text())) {
            if (kept.size() == MOST_WORDS) {
                break;
            }
            if (word.length() <= LONGEST_WORD && word.chars().allMatch(Character::isLetter) && !kept.contains(word)) {
                kept.add(word);
            }
        }
        String term = String.join(" ", kept);
        if (term.length() > MOST_CHARS) {
            int end = term.lastIndexOf(' ', MOST_CHARS);
            term = term.substring(0, end > 0 ? end : MOST_CHARS);
        }
        return term.isEmpty() ? null : term;
    }
}

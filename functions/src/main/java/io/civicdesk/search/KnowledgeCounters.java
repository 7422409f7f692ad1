package io.civicdesk.search;

import io.civicdesk.platform.Write;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The knowledge base's daily counters: searches that found nothing, and what residents did with articles. */
public interface KnowledgeCounters {
    /** One more search that found nothing on {@code day}, and one more for its words when there are any to keep. */
    void noResult(LocalDate day, String term);

    /** The counter write of one outcome, for the outcome's transaction (with its idempotency record). */
    Write outcome(LocalDate day, String articleId, KnowledgeEvent event);

    /** The counters summed over the days {@code from} to {@code to}, both included. */
    Totals totals(LocalDate from, LocalDate to);

    /** Summed counters: searches with no result, by term, and each article's outcomes by article id. */
    record Totals(long noResultSearches, Map<String, Long> noResultTerms, List<ArticleFigures> articles) {
    }
}

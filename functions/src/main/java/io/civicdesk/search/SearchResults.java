package io.civicdesk.search;

import java.util.List;
import java.util.Optional;

/** The hits for a query, best first, and a corrected query when the words typed look misspelt. */
public record SearchResults(String query, List<SearchHit> hits, Optional<String> suggestion) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}

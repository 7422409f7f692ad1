package io.civicdesk.search;

import java.time.LocalDate;
import java.util.List;

/**
 * The knowledge base's figures over the days {@code from} to {@code to}: searches that found nothing (and the words
 * most often searched for in vain), and each article's outcomes, with all articles together in {@code overall}.
 */
public record KnowledgeFigures(LocalDate from, LocalDate to, long noResultSearches, List<TermCount> noResultTerms,
                               List<ArticleFigures> articles, ArticleFigures overall) {

    public record TermCount(String term, long searches) {
    }

    public KnowledgeFigures {
        noResultTerms = List.copyOf(noResultTerms);
        articles = List.copyOf(articles);
    }
}

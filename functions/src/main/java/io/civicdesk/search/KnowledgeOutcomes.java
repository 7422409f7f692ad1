package io.civicdesk.search;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Refusal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What residents did with the knowledge base: outcomes counted as they arrive, and the figures over a period for
 * the dashboard. An outcome names a published article for residents, or it is refused as unknown: a staff-only
 * article is as unknown as one that does not exist, so the answer tells a resident nothing about it.
 */
public final class KnowledgeOutcomes {
    static final int DEFAULT_DAYS = 30;
    static final int LONGEST_PERIOD_DAYS = 366;
    static final int TOP_TERMS = 10;

    private final KnowledgeCounters counters;
    private final ArticleLibrary articles;
    private final IdempotentCommand command;
    private final Supplier<ZoneId> councilZone;
    private final Clock clock;

    public KnowledgeOutcomes(KnowledgeCounters counters, ArticleLibrary articles, IdempotentCommand command,
                             Supplier<ZoneId> councilZone, Clock clock) {
        this.counters = counters;
        this.articles = articles;
        this.command = command;
        this.councilZone = councilZone;
        this.clock = clock;
    }

    /** Counts the outcome once, however often a phone sends it with the same Idempotency-Key. */
    public Idempotency.Answer record(Outcome outcome, Optional<Idempotency.Key> key) {
        return command.run(key, now -> {
            Article article = articles.published(outcome.articleId()).filter(Article::forResidents)
                    .orElseThrow(() -> Refusal.notFound("There is no article with that id."));
            LocalDate day = LocalDate.ofInstant(now, councilZone.get());
            return IdempotentCommand.Prepared.of(new Idempotency.Answer(204, ""),
                    List.of(counters.outcome(day, article.articleId(), outcome.event())));
        });
    }

    /** The figures from {@code from} to {@code to} (null: the last {@value #DEFAULT_DAYS} days to today). */
    public KnowledgeFigures figures(LocalDate from, LocalDate to) {
        LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), councilZone.get());
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw Refusal.invalid("from", "The first day must be on or before the last day.");
        }
        if (ChronoUnit.DAYS.between(first, last) >= LONGEST_PERIOD_DAYS) {
            throw Refusal.invalid("to", "Choose at most " + LONGEST_PERIOD_DAYS + " days.");
        }
        KnowledgeCounters.Totals totals = counters.totals(first, last);
        List<KnowledgeFigures.TermCount> terms = totals.noResultTerms().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_TERMS).map(entry -> new KnowledgeFigures.TermCount(entry.getKey(), entry.getValue())).toList();
        Map<String, String> titles = totals.articles().isEmpty() ? Map.of() : articles.published().stream()
                .collect(Collectors.toMap(Article::articleId, Article::title, (a, b) -> a));
        List<ArticleFigures> byArticle = totals.articles().stream()
                .map(figures -> figures.titled(titles.getOrDefault(figures.articleId(), figures.articleId())))
                .sorted(Comparator.comparingLong(ArticleFigures::read).reversed()
                        .thenComparing(ArticleFigures::articleId)).toList();
        ArticleFigures overall = byArticle.stream().reduce(new ArticleFigures(null, null, 0, 0, 0, 0),
                ArticleFigures::plus);
        return new KnowledgeFigures(first, last, totals.noResultSearches(), terms, byArticle, overall);
    }
}

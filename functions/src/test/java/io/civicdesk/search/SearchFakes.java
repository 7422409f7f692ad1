package io.civicdesk.search;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleKind;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.articles.Audience;
import io.civicdesk.platform.InMemoryTransactions;
import io.civicdesk.platform.Write;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory fakes of the search capability's stores and of the articles' library, for its handler tests. */
final class SearchFakes {
    private SearchFakes() {
    }

    static Article article(String id, Audience audience, String title, String body) {
        return new Article(id, ArticleKind.GUIDANCE, audience, title, title, body, List.of("missed-bin"), "waste",
                LocalDate.of(2030, 1, 1), 1, Instant.EPOCH, "officer-1", null);
    }

    static final class Articles implements ArticleLibrary {
        private final List<Article> articles = new ArrayList<>();

        Articles with(Article article) {
            articles.removeIf(other -> other.articleId().equals(article.articleId()));
            articles.add(article);
            return this;
        }

        @Override
        public List<Article> published() {
            return List.copyOf(articles);
        }

        @Override
        public Optional<Article> published(String articleId) {
            return articles.stream().filter(article -> article.articleId().equals(articleId)).findFirst();
        }
    }

    static final class SynonymGroups implements SynonymBook {
        private Saved saved;

        SynonymGroups(Synonyms synonyms) {
            this.saved = new Saved(synonyms, 1, Instant.EPOCH, "the catalogue file");
        }

        @Override
        public Saved saved() {
            return saved;
        }

        @Override
        public boolean replace(Synonyms synonyms, long expectedVersion, Instant at, String byId, String byName) {
            if (expectedVersion != saved.version()) {
                return false;
            }
            saved = new Saved(synonyms, expectedVersion + 1, at, byName);
            return true;
        }
    }

    /** Generations kept as the store keeps them: the current one and the one it replaced. */
    static final class Shelf implements StoredIndexes {
        final Map<String, byte[]> generations = new LinkedHashMap<>();
        IndexGeneration pointer;
        int reads;

        @Override
        public Optional<IndexGeneration> current() {
            return Optional.ofNullable(pointer);
        }

        @Override
        public Optional<byte[]> read(IndexGeneration generation) {
            reads++;
            return Optional.ofNullable(generations.get(generation.id())).map(bytes -> Arrays.copyOf(bytes, bytes.length));
        }

        @Override
        public Optional<IndexGeneration> publish(String generationId, byte[] index, int documents, Synonyms synonyms,
                                                 long synonymsVersion, Optional<IndexGeneration> replacing, Instant at) {
            if (!Optional.ofNullable(pointer).map(IndexGeneration::id).equals(replacing.map(IndexGeneration::id))) {
                return Optional.empty();
            }
            generations.put(generationId, index);
            replacing.map(IndexGeneration::previous).ifPresent(generations::remove);
            pointer = new IndexGeneration(generationId, 1, index.length, "", documents, synonyms, synonymsVersion, at,
                    replacing.map(IndexGeneration::id).orElse(null), 1, replacing.map(IndexGeneration::version).orElse(0L) + 1);
            return Optional.of(pointer);
        }
    }

    static final class Counters implements KnowledgeCounters {
        final Map<String, Long> noResult = new TreeMap<>();
        final Map<String, ArticleFigures> articles = new HashMap<>();
        final List<LocalDate> days = new ArrayList<>();
        private final InMemoryTransactions transactions;

        Counters(InMemoryTransactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public void noResult(LocalDate day, String term) {
            days.add(day);
            noResult.merge("", 1L, Long::sum);
            if (term != null) {
                noResult.merge(term, 1L, Long::sum);
            }
        }

        @Override
        public Write outcome(LocalDate day, String articleId, KnowledgeEvent event) {
            ArticleFigures one = new ArticleFigures(articleId, null, event == KnowledgeEvent.HELPFUL ? 1 : 0,
                    event == KnowledgeEvent.NOT_HELPFUL ? 1 : 0, event == KnowledgeEvent.READ ? 1 : 0,
                    event == KnowledgeEvent.REPORTED_AFTER_READING ? 1 : 0);
            return transactions.write("outcome", () -> true, () -> {
                days.add(day);
                articles.merge(articleId, one, ArticleFigures::plus);
            });
        }

        @Override
        public Totals totals(LocalDate from, LocalDate to) {
            Map<String, Long> terms = new TreeMap<>(noResult);
            long none = Optional.ofNullable(terms.remove("")).orElse(0L);
            return new Totals(none, terms, new ArrayList<>(articles.values()));
        }
    }
}

package io.civicdesk.search;

import io.civicdesk.articles.Article;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The search function built from its configuration, once per container. */
public final class SearchWiring {
    /**
     * No article is stored yet: the articles' store is being written (issue 10). Until it is plugged in at
     * {@link #articles}, search finds the council's services only.
     */
    static final ArticleLibrary NO_ARTICLES_YET = new ArticleLibrary() {
        @Override
        public List<Article> published() {
            return List.of();
        }

        @Override
        public Optional<Article> published(String articleId) {
            return Optional.empty();
        }
    };

    private SearchWiring() {
    }

    /**
     * THE ONE PLACE the published articles come from, for the search, index builder and knowledge functions.
     * At the merge with the articles branch: {@code return new ArticleStore(dynamo, table);}
     */
    static ArticleLibrary articles(DynamoDbClient dynamo, String table) {
        return NO_ARTICLES_YET;
    }

    static NoResultSearches noResultSearches() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        Clock clock = Clocks.fromConfig();
        return new NoResultSearches(new KnowledgeFiguresStore(dynamo, Config.require("FIGURES_TABLE")),
                KnowledgeWiring.councilZone(new CatalogStore(dynamo, Config.require("CATALOG_TABLE")), clock), clock);
    }

    static KnowledgeSearch knowledgeSearch() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String table = Config.require("CATALOG_TABLE");
        return new KnowledgeSearch(new CatalogStore(dynamo, table), articles(dynamo, table), new SynonymStore(dynamo, table),
                new SearchIndexStore(dynamo, table), Clocks.fromConfig(), KnowledgeSearch.RECHECK);
    }
}

package io.civicdesk.search;

import io.civicdesk.articles.ArticleStore;
import io.civicdesk.articles.ArticleLibrary;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The search function built from its configuration, once per container. */
public final class SearchWiring {
    private SearchWiring() {
    }

    /** Where the published articles come from, for the search, index builder and knowledge functions. */
    static ArticleLibrary articles(DynamoDbClient dynamo, String table) {
        return new ArticleStore(dynamo, table);
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

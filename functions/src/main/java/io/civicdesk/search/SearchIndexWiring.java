package io.civicdesk.search;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The index builder function built from its configuration, once per container. */
public final class SearchIndexWiring {
    private SearchIndexWiring() {
    }

    static IndexBuilder indexBuilder() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String table = Config.require("CATALOG_TABLE");
        return new IndexBuilder(new CatalogStore(dynamo, table), SearchWiring.articles(dynamo, table),
                new SynonymStore(dynamo, table), new SearchIndexStore(dynamo, table), Clocks.fromConfig());
    }
}

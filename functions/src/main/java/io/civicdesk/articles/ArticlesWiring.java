package io.civicdesk.articles;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The articles functions put together from their configuration, once per container. */
record ArticlesWiring(DynamoDbClient dynamo, String table, Clock clock) {

    static ArticlesWiring fromConfig() {
        return new ArticlesWiring(AwsClients.dynamoDb(), Config.require("CATALOG_TABLE"), Clocks.fromConfig());
    }

    Catalog catalog() {
        return new CatalogStore(dynamo, table);
    }

    ArticleService articles() {
        return new ArticleService(new ArticleStore(dynamo, table), new DynamoTransactions(dynamo), catalog(), clock);
    }

    /** The weekly review reminders; only that function has the outbox and the portal's address. */
    ArticleReviews reviews() {
        return new ArticleReviews(articles(), catalog(), new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")),
                new DynamoTransactions(dynamo), clock, Config.require("PORTAL_URL"));
    }
}

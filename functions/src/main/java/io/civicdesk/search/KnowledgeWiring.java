package io.civicdesk.search;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.IdempotencyStore;
import io.civicdesk.platform.IdempotentCommand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Supplier;

/** The knowledge function (outcomes, figures, synonyms) built from its configuration, once per container. */
public final class KnowledgeWiring {
    private KnowledgeWiring() {
    }

    static KnowledgeOutcomes outcomes() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalogTable = Config.require("CATALOG_TABLE");
        String figuresTable = Config.require("FIGURES_TABLE");
        Clock clock = Clocks.fromConfig();
        return new KnowledgeOutcomes(new KnowledgeFiguresStore(dynamo, figuresTable),
                SearchWiring.articles(dynamo, catalogTable),
                new IdempotentCommand(new IdempotencyStore(dynamo, figuresTable), new DynamoTransactions(dynamo), clock),
                councilZone(new CatalogStore(dynamo, catalogTable), clock), clock);
    }

    static SynonymAdmin synonymAdmin() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String table = Config.require("CATALOG_TABLE");
        return new SynonymAdmin(new SynonymStore(dynamo, table), new SearchIndexStore(dynamo, table), Clocks.fromConfig());
    }

    /** The council's time zone, which days are counted in: read once every few minutes by a warm container. */
    static Supplier<ZoneId> councilZone(CatalogStore catalog, Clock clock) {
        Cached<ZoneId> zone = new Cached<>(() -> ZoneId.of(catalog.council().timeZone()), Duration.ofMinutes(5), clock);
        return zone::get;
    }
}

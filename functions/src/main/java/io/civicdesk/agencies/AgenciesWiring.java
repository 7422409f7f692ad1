package io.civicdesk.agencies;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;

/** The agencies function built from its configuration, once per container. */
public final class AgenciesWiring {
    private AgenciesWiring() {
    }

    static AgencyAdmin admin() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalog = Config.require("CATALOG_TABLE");
        return new AgencyAdmin(new AgencyStore(dynamo, catalog), new CatalogStore(dynamo, catalog),
                new StaffDirectory(dynamo, catalog), new FiguresStore(dynamo, Config.require("FIGURES_TABLE")),
                new DynamoTransactions(dynamo), Clocks.fromConfig(), new SecureRandom());
    }
}

package io.civicdesk.agencyreports;

import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The agency reports' functions built from their configuration, once per container. */
public final class AgencyReportsWiring {
    private AgencyReportsWiring() {
    }

    public static AgencyReports agencyReports(DynamoDbClient dynamo, Clock clock) {
        String catalog = Config.require("CATALOG_TABLE");
        String figures = Config.require("FIGURES_TABLE");
        return new AgencyReports(new AgencyStore(dynamo, catalog), new FiguresStore(dynamo, figures),
                new AgencyReportStore(dynamo, figures), new CatalogStore(dynamo, catalog), new StaffDirectory(dynamo, catalog),
                new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")), new DynamoTransactions(dynamo), clock,
                Config.require("PORTAL_URL"));
    }
}

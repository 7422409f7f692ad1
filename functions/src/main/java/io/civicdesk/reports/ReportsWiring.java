package io.civicdesk.reports;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.requests.QueueStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The reports' functions built from their configuration, once per container: the roll-up (scheduled and "run now"),
 * who gets which report, and the stored reports' history.
 */
public final class ReportsWiring {
    private ReportsWiring() {
    }

    /** The roll-up over the tables the environment names. */
    public static ServiceLevelReports serviceLevelReports(DynamoDbClient dynamo, Clock clock) {
        String catalogTable = Config.require("CATALOG_TABLE");
        FiguresStore figures = new FiguresStore(dynamo, Config.require("FIGURES_TABLE"));
        OutboxStore outbox = new OutboxStore(dynamo, Config.require("OUTBOX_TABLE"));
        return new ServiceLevelReports(new DynamoTransactions(dynamo), new CatalogStore(dynamo, catalogTable),
                new AccountStore(dynamo, catalogTable), new StaffDirectory(dynamo, catalogTable), figures,
                new SatisfactionFiguresStore(dynamo, Config.require("FEEDBACK_TABLE")),
                new Backlogs(new QueueStore(dynamo, Config.require("REQUESTS_TABLE")), figures),
                new ReportStore(dynamo, Config.require("FIGURES_TABLE")), outbox, clock, PowertoolsMetrics.fromConfig());
    }

    public static ReportAccounts reportAccounts(DynamoDbClient dynamo) {
        String table = Config.require("CATALOG_TABLE");
        return new ReportAccounts(new AccountStore(dynamo, table), new StaffDirectory(dynamo, table),
                new CatalogStore(dynamo, table));
    }

    public static ReportHistory reportHistory(DynamoDbClient dynamo) {
        return new ReportHistory(new ReportStore(dynamo, Config.require("FIGURES_TABLE")),
                new AccountStore(dynamo, Config.require("CATALOG_TABLE")));
    }
}

package io.civicdesk.agencyreports;

import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.IdempotencyStore;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.reports.AccountStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The agencies' figures function built from its configuration, once per container. */
final class AgencyFiguresWiring {
    private AgencyFiguresWiring() {
    }

    static AgencyBenchmarks benchmarks() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalog = Config.require("CATALOG_TABLE");
        return new AgencyBenchmarks(new AgencyStore(dynamo, catalog), new FiguresStore(dynamo, Config.require("FIGURES_TABLE")),
                new CatalogStore(dynamo, catalog), new AccountStore(dynamo, catalog), Clocks.fromConfig());
    }

    static AgencyReportResend resend() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalog = Config.require("CATALOG_TABLE");
        String figures = Config.require("FIGURES_TABLE");
        // The resend's first answers are kept beside the reports it sends, in the figures table.
        return new AgencyReportResend(new AgencyStore(dynamo, catalog), new AgencyReportStore(dynamo, figures),
                new StaffDirectory(dynamo, catalog), new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")),
                new IdempotentCommand(new IdempotencyStore(dynamo, figures), new DynamoTransactions(dynamo), Clocks.fromConfig()),
                new CatalogStore(dynamo, catalog), Config.require("PORTAL_URL"));
    }
}

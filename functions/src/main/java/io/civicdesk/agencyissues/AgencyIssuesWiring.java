package io.civicdesk.agencyissues;

import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencyreports.AgencyReportStore;
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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;

/** The agency log's and the status's functions built from their configuration, once per container. */
public final class AgencyIssuesWiring {
    private AgencyIssuesWiring() {
    }

    static AgencyIssues issues() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalog = Config.require("CATALOG_TABLE");
        Clock clock = Clocks.fromConfig();
        DynamoTransactions transactions = new DynamoTransactions(dynamo);
        return new AgencyIssues(new AgencyStore(dynamo, catalog), new AgencyIssueStore(dynamo, catalog),
                new MeetingNoteStore(dynamo, catalog), new CatalogStore(dynamo, catalog),
                new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")), transactions,
                new IdempotentCommand(new IdempotencyStore(dynamo, catalog), transactions, clock),
                Config.optional("ISSUE_TARGET_DAYS") == null ? EscalationTargets.DEFAULT
                        : EscalationTargets.parse(Config.optional("ISSUE_TARGET_DAYS")), clock, new SecureRandom(),
                Config.require("PORTAL_URL"));
    }

    static AgencyStatus status() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String catalog = Config.require("CATALOG_TABLE");
        String figures = Config.require("FIGURES_TABLE");
        return new AgencyStatus(new AgencyStore(dynamo, catalog), new AgencyIssueStore(dynamo, catalog),
                new MeetingNoteStore(dynamo, catalog), new AgencyReportStore(dynamo, figures), new FiguresStore(dynamo, figures),
                new CatalogStore(dynamo, catalog), new StaffDirectory(dynamo, catalog),
                new OutboxStore(dynamo, Config.require("OUTBOX_TABLE")), new DynamoTransactions(dynamo), Clocks.fromConfig());
    }
}

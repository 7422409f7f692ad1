package io.civicdesk.agencyreports;

import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.testing.TestStack;

import java.time.Clock;

/** The agencies' report run on the test stack's tables, at a moment of the test's choosing. */
public final class AgencyReportFixtures {
    private AgencyReportFixtures() {
    }

    public static AgencyReports reports(Clock clock) {
        var dynamo = TestStack.get().dynamoDb();
        return new AgencyReports(new AgencyStore(dynamo, "CatalogTable"), new FiguresStore(dynamo, "FiguresTable"),
                new AgencyReportStore(dynamo, "FiguresTable"), new CatalogStore(dynamo, "CatalogTable"),
                new StaffDirectory(dynamo, "CatalogTable"), new OutboxStore(dynamo, "OutboxTable"),
                new DynamoTransactions(dynamo), clock, TestStack.get().baseUrl());
    }
}

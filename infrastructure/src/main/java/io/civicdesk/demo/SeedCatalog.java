package io.civicdesk.demo;

import io.civicdesk.platform.AwsClients;

import java.time.Clock;

/**
 * Writes the demo council's catalogue and calendar into a deployed catalogue table:
 * {@code ./civicdesk seed <CatalogTable name>}. The SDK finds the account, region and endpoint the usual way
 * (AWS_PROFILE, AWS_REGION, ...), so this writes to whatever account the shell is signed in to.
 */
public final class SeedCatalog {
    private SeedCatalog() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: ./civicdesk seed <catalogue table name, from the stack's outputs or resources>");
            System.exit(2);
        }
        DemoData.seed(AwsClients.dynamoDb(), args[0], Clock.systemUTC());
        System.out.println("Seeded " + DemoData.COUNCIL.name() + " (" + DemoData.services().size() + " services) into " + args[0]);
    }
}

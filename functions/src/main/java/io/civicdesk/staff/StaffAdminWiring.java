package io.civicdesk.staff;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.requests.WorkflowStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The staff administration functions built from their configuration, once per container: who works here and
 * their sign-in, the workflows, the calendars and policies, and the sign-in trigger. All live in the catalogue table.
 */
public final class StaffAdminWiring {
    private StaffAdminWiring() {
    }

    public static StaffAdministration staffAdministration(DynamoDbClient dynamo) {
        String table = Config.require("CATALOG_TABLE");
        return new StaffAdministration(new StaffDirectory(dynamo, table),
                new CognitoSignInAccounts(AwsClients.cognito(), Config.require("STAFF_USER_POOL")), new CatalogStore(dynamo, table));
    }

    public static WorkflowAdmin workflowAdmin(DynamoDbClient dynamo) {
        String table = Config.require("CATALOG_TABLE");
        return new WorkflowAdmin(new WorkflowStore(dynamo, table), new CatalogStore(dynamo, table), Clocks.fromConfig());
    }

    public static ServiceLevelAdmin serviceLevelAdmin(DynamoDbClient dynamo) {
        return new ServiceLevelAdmin(new CatalogStore(dynamo, Config.require("CATALOG_TABLE")));
    }

    public static StaffSignIns staffSignIns(DynamoDbClient dynamo) {
        return new StaffSignIns(new StaffDirectory(dynamo, Config.require("CATALOG_TABLE")));
    }
}

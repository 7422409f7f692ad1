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
    private final DynamoDbClient dynamo;
    private final String table = Config.require("CATALOG_TABLE");

    public StaffAdminWiring(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    public StaffAdministration staffAdministration() {
        return new StaffAdministration(new StaffDirectory(dynamo, table),
                new CognitoSignInAccounts(AwsClients.cognito(), Config.require("STAFF_USER_POOL")), new CatalogStore(dynamo, table));
    }

    public WorkflowAdmin workflowAdmin() {
        return new WorkflowAdmin(new WorkflowStore(dynamo, table), new CatalogStore(dynamo, table), Clocks.fromConfig());
    }

    public ServiceLevelAdmin serviceLevelAdmin() {
        return new ServiceLevelAdmin(new CatalogStore(dynamo, table));
    }

    public StaffSignIns staffSignIns() {
        return new StaffSignIns(new StaffDirectory(dynamo, table));
    }
}

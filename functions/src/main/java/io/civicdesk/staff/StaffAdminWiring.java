package io.civicdesk.staff;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.ReferralTargetStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.requests.Workflow;
import io.civicdesk.requests.WorkflowStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.Optional;

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
        return new WorkflowAdmin(workflows(new WorkflowStore(dynamo, table)), new CatalogStore(dynamo, table), Clocks.fromConfig());
    }

    private static WorkflowOverrides workflows(WorkflowStore store) {
        return new WorkflowOverrides() {
            @Override
            public Optional<WorkflowStore.Override> override(String serviceId) {
                return store.override(serviceId);
            }

            @Override
            public void put(String serviceId, Workflow workflow, Instant at, String byId, String byName) {
                store.put(serviceId, workflow, at, byId, byName);
            }

            @Override
            public void remove(String serviceId) {
                store.remove(serviceId);
            }
        };
    }

    public ServiceLevelAdmin serviceLevelAdmin() {
        return new ServiceLevelAdmin(new CatalogStore(dynamo, table));
    }

    public ReferralTargetAdmin referralTargetAdmin() {
        return new ReferralTargetAdmin(new CatalogStore(dynamo, table), new ReferralTargetStore(dynamo, table));
    }

    public StaffSignIns staffSignIns() {
        return new StaffSignIns(new StaffDirectory(dynamo, table));
    }
}

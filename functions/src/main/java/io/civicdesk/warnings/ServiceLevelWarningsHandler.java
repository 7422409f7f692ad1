package io.civicdesk.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.EventHandler;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.directory.StaffDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The warnings schedule (every five minutes): sends the service-level alerts that have fallen due. */
public final class ServiceLevelWarningsHandler extends EventHandler {
    private final ServiceLevelWarnings warnings;

    public ServiceLevelWarningsHandler() {
        this(wire(AwsClients.dynamoDb(), Clocks.fromConfig()));
    }

    public ServiceLevelWarningsHandler(ServiceLevelWarnings warnings) {
        this.warnings = warnings;
    }

    static ServiceLevelWarnings wire(DynamoDbClient dynamo, Clock clock) {
        String catalogTable = Config.require("CATALOG_TABLE");
        OutboxStore outbox = new OutboxStore(dynamo, Config.require("OUTBOX_TABLE"));
        return new ServiceLevelWarnings(new RequestStore(dynamo, Config.require("REQUESTS_TABLE"), outbox),
                new StaffDirectory(dynamo, catalogTable), new CatalogStore(dynamo, catalogTable), clock,
                Config.require("PORTAL_URL"), PowertoolsMetrics.fromConfig());
    }

    @Override
    protected ServiceLevelWarnings.Run handle(JsonNode event) {
        return warnings.run();
    }
}

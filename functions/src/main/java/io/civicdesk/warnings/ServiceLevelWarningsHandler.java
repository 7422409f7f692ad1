package io.civicdesk.warnings;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.staff.StaffDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The warnings schedule (every five minutes): sends the service-level alerts that have fallen due. */
public final class ServiceLevelWarningsHandler implements RequestStreamHandler {
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
                Config.require("PORTAL_URL"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(Json.write(warnings.run()).getBytes(StandardCharsets.UTF_8));
    }
}

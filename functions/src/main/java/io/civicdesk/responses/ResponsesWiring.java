package io.civicdesk.responses;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.feedback.FeedbackWiring;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.requests.RequestStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The responses function built from its configuration, once per container: templates in the catalogue table. */
public final class ResponsesWiring {
    private ResponsesWiring() {
    }

    static ResponseService service() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        String table = Config.require("CATALOG_TABLE");
        Clock clock = Clocks.fromConfig();
        CatalogStore catalog = new CatalogStore(dynamo, table);
        RequestStore requests = new RequestStore(dynamo, Config.require("REQUESTS_TABLE"));
        return new ResponseService(new ResponseTemplateStore(dynamo, table), ResponseReader.defaults(), catalog::service,
                requests::get, new FeedbackWiring(dynamo, clock).complaints()::handled, StaffReadAudit.installed(table, clock), clock);
    }
}

package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The cold-start floor: the least any CivicDesk function does. It builds the SDK clients the handlers build (the
 * same {@link AwsClients}) and makes one DynamoDB GetItem, and nothing else: no Jackson, no domain code. A
 * function's cold start over this floor is what its own code costs.
 */
public final class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamo = AwsClients.dynamoDb();
    /** Built, never called: building it is part of the floor (the mail sender builds one at init). */
    private final SesV2Client ses = AwsClients.sesV2();
    private final String table = Config.require("CATALOG_TABLE");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        boolean found = dynamo.getItem(request -> request.tableName(table).key(Items.key("CATALOG", "COUNCIL"))).hasItem();
        return APIGatewayV2HTTPResponse.builder().withStatusCode(found ? 200 : 404).build();
    }
}

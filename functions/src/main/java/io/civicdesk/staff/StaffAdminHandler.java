package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.ApiException;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/** Administration of the staff workspace ({@code StaffAdminFunction}): {@code GET|PUT /staff/workflows/{serviceId}}. */
public final class StaffAdminHandler extends HttpHandler {
    private final WorkflowAdmin workflows;

    public StaffAdminHandler() {
        this(wire(AwsClients.dynamoDb()));
    }

    public StaffAdminHandler(WorkflowAdmin workflows) {
        this.workflows = workflows;
    }

    private static WorkflowAdmin wire(DynamoDbClient dynamo) {
        String catalogTable = Config.require("CATALOG_TABLE");
        return new WorkflowAdmin(new WorkflowStore(dynamo, catalogTable), new CatalogStore(dynamo, catalogTable), Clocks.fromConfig());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        String serviceId = request.pathParameter("serviceId");
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/workflows/{serviceId}" -> HttpResponses.json(200, workflows.get(caller, serviceId));
            case "PUT /staff/workflows/{serviceId}" -> {
                caller.requireAny(StaffCaller.Role.ADMIN);
                yield HttpResponses.json(200, workflows.put(caller, serviceId, request.jsonBody()));
            }
            default -> throw ApiException.notFound("No such staff route.");
        };
    }
}

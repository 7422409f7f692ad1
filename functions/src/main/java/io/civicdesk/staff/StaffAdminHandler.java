package io.civicdesk.staff;

import io.civicdesk.requests.WorkflowStore;
import io.civicdesk.directory.StaffDirectory;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;


/**
 * Administration of the staff workspace ({@code StaffAdminFunction}): {@code GET|PUT /staff/workflows/{serviceId}},
 * and who works here: {@code GET|POST /staff/members}, {@code PUT /staff/members/{staffId}}.
 */
public final class StaffAdminHandler extends HttpHandler {
    private final WorkflowAdmin workflows;
    private final StaffAdministration staff;

    public StaffAdminHandler() {
        this(AwsClients.dynamoDb(), Config.require("CATALOG_TABLE"));
    }

    private StaffAdminHandler(DynamoDbClient dynamo, String catalogTable) {
        CatalogStore catalog = new CatalogStore(dynamo, catalogTable);
        this.workflows = new WorkflowAdmin(new WorkflowStore(dynamo, catalogTable), catalog, Clocks.fromConfig());
        this.staff = new StaffAdministration(new StaffDirectory(dynamo, catalogTable),
                new CognitoSignInAccounts(AwsClients.cognito(), Config.require("STAFF_USER_POOL")), catalog);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/workflows/{serviceId}" -> HttpResponses.json(200, workflows.get(caller, request.pathParameter("serviceId")));
            case "PUT /staff/workflows/{serviceId}" -> {
                caller.requireAny(Role.ADMIN);
                yield HttpResponses.json(200, workflows.put(caller, request.pathParameter("serviceId"), request.jsonBody()));
            }
            case "GET /staff/members", "POST /staff/members", "PUT /staff/members/{staffId}" -> {
                caller.requireAny(Role.ADMIN);
                yield switch (request.routeKey()) {
                    case "GET /staff/members" -> HttpResponses.json(200, staff.staff());
                    case "POST /staff/members" -> HttpResponses.json(201, staff.add(request.jsonBody()));
                    default -> HttpResponses.json(200, staff.change(caller, request.pathParameter("staffId"), request.jsonBody()));
                };
            }
            default -> throw Refusal.notFound("No such staff route.");
        };
    }
}

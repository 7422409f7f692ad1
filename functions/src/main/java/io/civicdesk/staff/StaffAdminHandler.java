package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

/**
 * Administration of the staff workspace ({@code StaffAdminFunction}): {@code GET|PUT /staff/workflows/{serviceId}},
 * and who works here: {@code GET|POST /staff/members}, {@code PUT /staff/members/{staffId}}.
 */
public final class StaffAdminHandler extends HttpHandler {
    private final WorkflowAdmin workflows;
    private final StaffAdministration staff;

    public StaffAdminHandler() {
        this(new StaffAdminWiring(AwsClients.dynamoDb()));
    }

    private StaffAdminHandler(StaffAdminWiring wiring) {
        this(wiring.workflowAdmin(), wiring.staffAdministration());
    }

    public StaffAdminHandler(WorkflowAdmin workflows, StaffAdministration staff) {
        this.workflows = workflows;
        this.staff = staff;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        String serviceId = request.pathParameter("serviceId");
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/workflows/{serviceId}" -> HttpResponses.json(200, workflows.get(caller, serviceId));
            case "PUT /staff/workflows/{serviceId}" -> {
                caller.requireAny(Role.ADMIN);
                yield HttpResponses.json(200, workflows.put(caller, serviceId, () -> WorkflowChangeReader.read(request.jsonBody())));
            }
            case "GET /staff/members", "POST /staff/members", "PUT /staff/members/{staffId}" -> {
                caller.requireAny(Role.ADMIN);
                yield switch (request.routeKey()) {
                    case "GET /staff/members" -> HttpResponses.json(200, staff.staff());
                    case "POST /staff/members" -> HttpResponses.json(201, staff.add(StaffFormReader.addition(request.jsonBody())));
                    default -> HttpResponses.json(200, staff.change(caller, request.pathParameter("staffId"),
                            StaffFormReader.change(request.jsonBody())));
                };
            }
            default -> throw Refusal.notFound("No such staff route.");
        };
    }
}

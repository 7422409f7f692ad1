package io.civicdesk.responses;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Reference;

import java.util.List;

/**
 * {@code ResponsesFunction}: {@code GET|POST /staff/responses}, {@code PUT|DELETE /staff/responses/{templateId}}
 * (supervisors and administrators keep the templates); {@code GET /staff/requests/{reference}/responses} and
 * {@code GET /staff/complaints/{reference}/responses} (an officer is offered them, filled in).
 */
public final class ResponsesHandler extends HttpHandler {
    private final ResponseService responses;

    public ResponsesHandler() {
        this(ResponsesWiring.service());
    }

    public ResponsesHandler(ResponseService responses) {
        this.responses = responses;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        String templateId = request.pathParameter("templateId");
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/responses" -> HttpResponses.json(200, ResponseViews.templates(responses.all(caller)));
            case "POST /staff/responses" -> HttpResponses.json(201,
                    ResponseViews.template(responses.create(caller, ResponseReader.draft(request.jsonBody()))));
            case "PUT /staff/responses/{templateId}" -> HttpResponses.json(200,
                    ResponseViews.template(responses.save(caller, templateId, ResponseReader.draft(request.jsonBody()))));
            case "DELETE /staff/responses/{templateId}" -> HttpResponses.json(200, ResponseViews.template(responses.retire(
                    caller, templateId, ResponseReader.version(request.queryParameter("version").orElse(null)))));
            case "GET /staff/requests/{reference}/responses" -> HttpResponses.json(200, ResponseViews.offered(
                    responses.forRequest(caller, reference(request.pathParameter("reference")),
                            Ids.optional(request.queryParameter("status").orElse(null), "status", "status"))));
            case "GET /staff/complaints/{reference}/responses" -> HttpResponses.json(200, ResponseViews.offered(
                    responses.forComplaint(caller, request.pathParameter("reference"),
                            ResponseReader.complaintUse(request.queryParameter("use").orElse(null)))));
            default -> throw Refusal.notFound("No such route.");
        };
    }

    private static Reference reference(String typed) {
        return Reference.parse(typed).orElseThrow(() -> Refusal.invalid(List.of(new FieldError(
                "reference", "A reference is 8 letters and numbers, like K7MP-3QXR."))));
    }
}

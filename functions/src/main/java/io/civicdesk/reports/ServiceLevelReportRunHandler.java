package io.civicdesk.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.List;

/** {@code POST /staff/reports/run} {@code {kind, resend}}: an administrator's "run now" of a roll-up. */
public final class ServiceLevelReportRunHandler extends HttpHandler {
    private final ServiceLevelReports reports;

    public ServiceLevelReportRunHandler() {
        this(ServiceLevelReportHandler.wire(AwsClients.dynamoDb(), Clocks.fromConfig()));
    }

    public ServiceLevelReportRunHandler(ServiceLevelReports reports) {
        this.reports = reports;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller.from(request).requireAny(Role.ADMIN);
        if (!"POST /staff/reports/run".equals(request.routeKey())) {
            throw Refusal.notFound("Not Found");
        }
        JsonNode body = request.jsonBody();
        ReportPeriod.Kind kind = ServiceLevelReportHandler.kind(body);
        if (kind == null) {
            throw Refusal.invalid(List.of(new FieldError("kind", "Choose weekly, monthly or quarterly.")));
        }
        JsonNode resend = body.path("resend");
        if (!resend.isMissingNode() && !resend.isNull() && !resend.isBoolean()) {
            throw Refusal.invalid(List.of(new FieldError("resend", "resend is true or false.")));
        }
        return HttpResponses.json(200, reports.run(kind, resend.booleanValue()));
    }
}

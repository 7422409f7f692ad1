package io.civicdesk.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

/** {@code POST /staff/reports/run} {@code {kind, resend}}: an administrator's "run now" of a roll-up. */
public final class ServiceLevelReportRunHandler extends HttpHandler {
    private final ServiceLevelReports reports;

    public ServiceLevelReportRunHandler() {
        this(ReportsWiring.serviceLevelReports(AwsClients.dynamoDb(), Clocks.fromConfig()));
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
        ReportRunReader.Run run = ReportRunReader.fromRequest(request.jsonBody());
        return HttpResponses.json(200, reports.run(run.kind(), run.resend()));
    }
}

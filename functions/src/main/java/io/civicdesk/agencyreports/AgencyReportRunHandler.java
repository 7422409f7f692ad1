package io.civicdesk.agencyreports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.reports.ReportRunReader;

/**
 * {@code POST /staff/agencies/reports/run} {@code {kind}}: an administrator's "run now" of the agencies' reports
 * ({@code AgencyReportRunFunction}). A period already reported is not mailed again.
 */
public final class AgencyReportRunHandler extends HttpHandler {
    private final AgencyReports reports;

    public AgencyReportRunHandler() {
        this(AgencyReportsWiring.agencyReports(AwsClients.dynamoDb(), Clocks.fromConfig()));
    }

    public AgencyReportRunHandler(AgencyReports reports) {
        this.reports = reports;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller.from(request).requireAny(Role.ADMIN);
        if (!"POST /staff/agencies/reports/run".equals(request.routeKey())) {
            throw Refusal.notFound("Not Found");
        }
        return HttpResponses.json(200, reports.run(ReportRunReader.fromRequest(request.jsonBody()).kind()));
    }
}

package io.civicdesk.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;

/**
 * The dashboard's reads of the stored reports ({@code ReportHistoryFunction}, read-only):
 * {@code GET /staff/reports?kind=} and {@code GET /staff/reports/{periodKey}}, the latter as CSV with
 * {@code ?format=csv} or {@code Accept: text/csv}.
 */
public final class ReportHistoryHandler extends HttpHandler {
    private final ReportHistory history;

    public ReportHistoryHandler() {
        this(ReportsWiring.reportHistory(AwsClients.dynamoDb()));
    }

    public ReportHistoryHandler(ReportHistory history) {
        this.history = history;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        return switch (request.routeKey()) {
            case "GET /staff/reports" -> HttpResponses.json(200, history.history(caller, request.queryParameter("kind").orElse(null)));
            case "GET /staff/reports/{periodKey}" -> {
                String periodKey = request.pathParameter("periodKey");
                if (wantsCsv(request)) {
                    ReportHistory.Download download = history.csv(caller, periodKey);
                    yield HttpResponses.csv(download.fileName(), download.csv());
                }
                yield HttpResponses.json(200, history.report(caller, periodKey));
            }
            default -> throw Refusal.notFound("Not Found");
        };
    }

    private static boolean wantsCsv(HttpRequest request) {
        return request.queryParameter("format").map("csv"::equalsIgnoreCase).orElse(false)
                || request.header("accept").map(accept -> accept.contains("text/csv")).orElse(false);
    }
}

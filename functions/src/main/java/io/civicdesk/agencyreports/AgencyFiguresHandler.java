package io.civicdesk.agencyreports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

/**
 * Agencies' figures for account managers and administrators ({@code AgencyFiguresFunction}):
 * {@code GET /staff/agency-benchmarks} (agencies, and the council's units, side by side for a period),
 * {@code GET /staff/agencies/{agencyId}/reports} (its stored reports) and
 * {@code POST /staff/agencies/{agencyId}/reports/{periodKey}/resend} (one of them mailed again, once per key).
 */
public final class AgencyFiguresHandler extends HttpHandler {
    private final AgencyBenchmarks benchmarks;
    private final AgencyReportResend resend;

    public AgencyFiguresHandler() {
        this(AgencyFiguresWiring.benchmarks(), AgencyFiguresWiring.resend());
    }

    public AgencyFiguresHandler(AgencyBenchmarks benchmarks, AgencyReportResend resend) {
        this.benchmarks = benchmarks;
        this.resend = resend;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        String agencyId = request.pathParameter("agencyId");
        return switch (request.routeKey()) {
            case "GET /staff/agency-benchmarks" -> HttpResponses.json(200, AgencyFiguresViews.of(benchmarks.compare(caller,
                    AgencyBenchmarkReader.query(request.queryParameter("kind").orElse(null),
                            request.queryParameter("from").orElse(null), request.queryParameter("serviceId").orElse(null)))));
            case "GET /staff/agencies/{agencyId}/reports" -> HttpResponses.json(200,
                    AgencyFiguresViews.of(resend.stored(caller, agencyId)));
            case "POST /staff/agencies/{agencyId}/reports/{periodKey}/resend" -> HttpResponses.answer(resend.resend(caller,
                    agencyId, request.pathParameter("periodKey"),
                    Idempotency.fromHeader(request, request.routeKey() + agencyId + request.pathParameter("periodKey"), caller.id())));
            default -> throw Refusal.notFound("Not Found");
        };
    }
}

package io.civicdesk.agencyissues;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

/**
 * An agency's issue log and meeting notes, and the status of all clients ({@code AgencyIssuesFunction}):
 * {@code GET /staff/agencies/{agencyId}/log}, {@code POST /staff/agencies/{agencyId}/issues},
 * {@code POST /staff/agencies/{agencyId}/issues/{issueId}/steps}, {@code POST /staff/agencies/{agencyId}/meetings}
 * and {@code GET /staff/agency-status} — administrators, and account managers for their own agencies.
 */
public final class AgencyIssuesHandler extends HttpHandler {
    private final AgencyIssues issues;
    private final AgencyStatus status;

    public AgencyIssuesHandler() {
        this(AgencyIssuesWiring.issues(), AgencyIssuesWiring.status());
    }

    public AgencyIssuesHandler(AgencyIssues issues, AgencyStatus status) {
        this.issues = issues;
        this.status = status;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        String agencyId = request.pathParameter("agencyId");
        return switch (request.routeKey()) {
            case "GET /staff/agency-status" -> HttpResponses.json(200, AgencyIssueViews.of(status.status(caller)));
            case "GET /staff/agencies/{agencyId}/log" -> HttpResponses.json(200, AgencyIssueViews.of(issues.log(caller, agencyId)));
            case "POST /staff/agencies/{agencyId}/issues" -> HttpResponses.answer(issues.raise(caller, agencyId,
                    AgencyIssueReader.issue(request.jsonBody()), key(request, caller)));
            case "POST /staff/agencies/{agencyId}/issues/{issueId}/steps" -> {
                AgencyIssue after = issues.step(caller, agencyId, request.pathParameter("issueId"),
                        AgencyIssueReader.step(request.jsonBody()));
                yield HttpResponses.json(200, AgencyIssueViews.of(after, issues.today()));
            }
            case "POST /staff/agencies/{agencyId}/meetings" -> HttpResponses.answer(issues.recordMeeting(caller, agencyId,
                    AgencyIssueReader.meeting(request.jsonBody()), key(request, caller)));
            default -> throw Refusal.notFound("Not Found");
        };
    }

    /** A phone may send a raise or a meeting twice: keys are each member of staff's own. */
    private static java.util.Optional<Idempotency.Key> key(HttpRequest request, StaffCaller caller) {
        return Idempotency.fromHeader(request, request.body(), caller.id() + ":");
    }
}

package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Actor;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.StaffActionReader;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.SubmitRequestService;

/**
 * Handling requests ({@code StaffRequestFunction}): {@code GET /staff/requests/{reference}}, its {@code /actions},
 * {@code POST /staff/requests} (logged on behalf of a caller, through the residents' own submission path), and an
 * officer's planned day ({@code GET|PUT /staff/day-plans/{staffId}/{date}}).
 */
public final class StaffRequestHandler extends HttpHandler {
    private final RequestActions actions;
    private final SubmitRequestService submissions;
    private final DayPlans dayPlans;

    public StaffRequestHandler() {
        this(StaffRequestWiring.fromConfig());
    }

    private StaffRequestHandler(StaffRequestWiring wiring) {
        this(wiring.actions(), wiring.submissions(), wiring.dayPlans());
    }

    public StaffRequestHandler(RequestActions actions, SubmitRequestService submissions, DayPlans dayPlans) {
        this.actions = actions;
        this.submissions = submissions;
        this.dayPlans = dayPlans;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = RequestActions.requireHandler(StaffCaller.from(request));
        String staffId = request.pathParameter("staffId");
        String date = request.pathParameter("date");
        // Keys are kept per member of staff: a phone's queued change, and a call logged on behalf, carry one.
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/requests/{reference}" -> HttpResponses.json(200, actions.view(caller, StaffActionReader.reference(request)));
            case "POST /staff/requests/{reference}/actions" -> HttpResponses.answer(actions.actOnce(caller,
                    StaffActionReader.reference(request), StaffActionReader.read(request.jsonBody()),
                    Idempotency.fromHeader(request, request.body(), "staff-action:" + caller.id() + ":")));
            case "POST /staff/requests" -> HttpResponses.answer(submissions.submit(SubmissionReader.reportOnBehalf(
                    request.jsonBody(), new Actor(caller.id(), caller.name())),
                    Idempotency.fromHeader(request, request.body(), "staff:" + caller.id() + ":")));
            case "GET /staff/day-plans/{staffId}/{date}" -> HttpResponses.json(200, dayPlans.read(caller, staffId, date));
            case "PUT /staff/day-plans/{staffId}/{date}" -> HttpResponses.json(200,
                    dayPlans.plan(caller, staffId, date, DayPlanReader.planned(request.jsonBody())));
            default -> throw Refusal.notFound("No such staff route.");
        };
    }
}

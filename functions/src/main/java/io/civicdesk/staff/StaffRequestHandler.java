package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.Actor;
import io.civicdesk.requests.Reference;
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
        return switch (String.valueOf(request.routeKey())) {
            case "GET /staff/requests/{reference}" -> HttpResponses.json(200, actions.view(caller, reference(request)));
            case "POST /staff/requests/{reference}/actions" -> {
                // A phone's queued change carries its key: keys are kept per member of staff, as for logging on behalf.
                String body = request.body();
                Idempotency.Answer done = actions.actOnce(caller, reference(request), StaffActionReader.read(request.jsonBody()),
                        Idempotency.fromHeader(request, body, "staff-action:" + caller.id() + ":"));
                yield HttpResponses.rawJson(done.status(), done.body(), "no-store");
            }
            case "POST /staff/requests" -> {
                String body = request.body();
                Idempotency.Answer submitted = submissions.submit(SubmissionReader.reportOnBehalf(Json.parseBody(body),
                        new Actor(caller.id(), caller.name())), Idempotency.fromHeader(request, body, "staff:" + caller.id() + ":"));
                yield HttpResponses.rawJson(submitted.status(), submitted.body(), "no-store");
            }
            case "GET /staff/day-plans/{staffId}/{date}" -> HttpResponses.json(200,
                    dayPlans.read(caller, request.pathParameter("staffId"), request.pathParameter("date")));
            case "PUT /staff/day-plans/{staffId}/{date}" -> HttpResponses.json(200,
                    dayPlans.plan(caller, request.pathParameter("staffId"), request.pathParameter("date"), request.jsonBody()));
            default -> throw Refusal.notFound("No such staff route.");
        };
    }

    private static Reference reference(HttpRequest request) {
        return Reference.parse(request.pathParameter("reference")).orElseThrow(() -> Refusal.invalid("reference",
                "A reference is 8 letters and numbers, like K7MP-3QXR."));
    }
}

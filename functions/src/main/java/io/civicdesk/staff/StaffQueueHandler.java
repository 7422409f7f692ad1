package io.civicdesk.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.RequestWiring;

/**
 * Staff reads that find work ({@code StaffQueueFunction}, read-only): {@code GET /staff/me}, {@code GET /staff/queue},
 * {@code GET /staff/search}, {@code GET /staff/officers}, {@code GET /staff/referrals}.
 */
public final class StaffQueueHandler extends HttpHandler {
    private final StaffQueries queries;

    public StaffQueueHandler() {
        this(wire(RequestWiring.fromConfig()));
    }

    public StaffQueueHandler(StaffQueries queries) {
        this.queries = queries;
    }

    private static StaffQueries wire(RequestWiring wiring) {
        return new StaffQueries(wiring.requests(), wiring.queues(), wiring.lookup(), wiring.directory(), wiring.catalog(),
                wiring.clock(), wiring.referralInbox());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        Object body = switch (String.valueOf(request.routeKey())) {
            case "GET /staff/me" -> queries.me(caller);
            case "GET /staff/queue" -> queries.queue(caller, StaffQueries.readQueue(request::queryParameter));
            case "GET /staff/search" -> queries.search(caller, request.queryParameter("q").orElse(null));
            case "GET /staff/officers" -> queries.officers(caller, request.queryParameter("unit").orElse(null));
            case "GET /staff/referrals" -> queries.referrals(caller, request.queryParameter("unit").orElse(null));
            default -> throw Refusal.notFound("No such staff route.");
        };
        return HttpResponses.json(200, body);
    }
}

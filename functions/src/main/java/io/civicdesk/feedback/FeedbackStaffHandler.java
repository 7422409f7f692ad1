package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.util.Map;

/** Staff routes of feedback (JWT): complaints and reviews, their notes, acknowledging, answering; the panel; tablet keys. */
public final class FeedbackStaffHandler extends HttpHandler {
    private final ComplaintService complaints;
    private final ReviewPanelService panel;
    private final CounterTablets tablets;

    public FeedbackStaffHandler() {
        this(new FeedbackWiring(AwsClients.dynamoDb()));
    }

    private FeedbackStaffHandler(FeedbackWiring wiring) {
        this(wiring.complaints(), wiring.panel(), wiring.tablets());
    }

    public FeedbackStaffHandler(ComplaintService complaints, ReviewPanelService panel, CounterTablets tablets) {
        this.complaints = complaints;
        this.panel = panel;
        this.tablets = tablets;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        String reference = request.pathParameter("reference");
        return switch (request.routeKey()) {
            case "GET /staff/complaints" -> HttpResponses.json(200, complaints.queues(caller));
            case "GET /staff/complaints/panel" -> panel(caller, request, false);
            case "GET /staff/complaints/panel.csv" -> panel(caller, request, true);
            case "POST /staff/complaints/{reference}/acknowledge" -> HttpResponses.json(200,
                    complaints.acknowledge(caller, reference, ComplaintReader.acknowledgement(request.jsonBody())));
            case "POST /staff/complaints/{reference}/answer" -> HttpResponses.json(200,
                    complaints.answer(caller, reference, ComplaintReader.finding(request.jsonBody())));
            case "GET /staff/complaints/{reference}/notes" -> HttpResponses.json(200, complaints.notes(caller, reference));
            case "POST /staff/complaints/{reference}/notes" -> HttpResponses.json(201,
                    complaints.addNote(caller, reference, ComplaintReader.note(request.jsonBody())));
            case "POST /staff/counter-devices" -> HttpResponses.json(201, Map.of("counterLink",
                    tablets.issue(caller, () -> CounterReader.tablet(request.jsonBody()))));
            default -> throw Refusal.notFound("Not Found");
        };
    }

    private APIGatewayV2HTTPResponse panel(StaffCaller caller, HttpRequest request, boolean asCsv) {
        ReviewPanel figures = panel.panel(caller, request.queryParameter("from").orElse(null),
                request.queryParameter("to").orElse(null), request.queryParameter("score").orElse(null));
        return asCsv ? HttpResponses.csv(ReviewPanelCsv.fileName(figures), ReviewPanelCsv.write(figures))
                : HttpResponses.json(200, figures);
    }
}

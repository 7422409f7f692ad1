package io.civicdesk.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Staff routes of feedback, behind the JWT authorizer: open complaints and reviews, acknowledging and answering
 * them ({@code /staff/complaints...}), the review panel and its CSV ({@code /staff/complaints/panel}, supervisors and
 * admins), and issuing counter tablet keys ({@code POST /staff/counter-devices}, admin).
 */
public final class FeedbackStaffHandler extends HttpHandler {
    /** A tablet's name is how staff tell the counters apart, e.g. "Front counter, Civic Centre". */
    private static final int MAX_TABLET_NAME = 100;

    private final ComplaintService complaints;
    private final ReviewPanelService panel;
    private final CounterDeviceStore devices;
    private final String portalUrl;
    private final Clock clock;

    public FeedbackStaffHandler() {
        this(AwsClients.dynamoDb());
    }

    private FeedbackStaffHandler(DynamoDbClient dynamo) {
        this(FeedbackHandler.complaints(dynamo), panel(dynamo), new CounterDeviceStore(dynamo, Config.require("FEEDBACK_TABLE")),
                Config.require("PORTAL_URL"), Clocks.fromConfig());
    }

    public FeedbackStaffHandler(ComplaintService complaints, ReviewPanelService panel, CounterDeviceStore devices, String portalUrl,
                                Clock clock) {
        this.complaints = complaints;
        this.panel = panel;
        this.devices = devices;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    private static ReviewPanelService panel(DynamoDbClient dynamo) {
        String table = Config.require("FEEDBACK_TABLE");
        return new ReviewPanelService(new ComplaintStore(dynamo, table), new SurveyStore(dynamo, table),
                new CatalogStore(dynamo, Config.require("CATALOG_TABLE")), ComplaintTargets.fromConfig(), Clocks.fromConfig());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller caller = StaffCaller.from(request);
        String reference = request.pathParameter("reference");
        return switch (request.routeKey()) {
            case "GET /staff/complaints" -> HttpResponses.json(200, Map.of(
                    "complaints", complaints.open(caller, "complaints"), "reviews", complaints.open(caller, "reviews")));
            case "GET /staff/complaints/panel" -> HttpResponses.json(200, panelFor(caller, request));
            case "GET /staff/complaints/panel.csv" -> {
                ReviewPanel figures = panelFor(caller, request);
                yield HttpResponses.csv(ReviewPanelCsv.fileName(figures), ReviewPanelCsv.write(figures));
            }
            case "POST /staff/complaints/{reference}/acknowledge" ->
                    HttpResponses.json(200, complaints.acknowledge(caller, reference, request.jsonBody()));
            case "POST /staff/complaints/{reference}/answer" ->
                    HttpResponses.json(200, complaints.answer(caller, reference, request.jsonBody()));
            case "POST /staff/counter-devices" -> {
                caller.requireAny(Role.ADMIN);
                var body = request.jsonBody();
                List<FieldError> errors = new ArrayList<>();
                String unitId = Ids.read(body.path("unitId"), "unitId", "unit", errors);
                String name = Fields.text(body, "name", MAX_TABLET_NAME, "The tablet's name", errors);
                if (errors.isEmpty() && (unitId == null || name == null)) {
                    errors.add(new FieldError(unitId == null ? "unitId" : "name", "Give the unit and a name for the tablet."));
                }
                if (!errors.isEmpty()) {
                    throw Refusal.invalid(errors);
                }
                String key = devices.register(unitId, name, caller.id(), clock.instant(), new SecureRandom());
                yield HttpResponses.json(201, Map.of("counterLink", portalUrl + "/counter.html#device=" + key));
            }
            default -> throw Refusal.notFound("Not Found");
        };
    }

    private ReviewPanel panelFor(StaffCaller caller, HttpRequest request) {
        return panel.panel(caller, request.queryParameter("from").orElse(null), request.queryParameter("to").orElse(null),
                request.queryParameter("score").orElse(null));
    }
}

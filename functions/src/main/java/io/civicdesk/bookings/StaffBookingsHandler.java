package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller;

import java.time.LocalDate;
import java.util.Map;

/**
 * Staff work on bookings, behind the JWT authorizer: the calendar of a facility, the holds waiting for approval,
 * approve / decline / cancel with a reason, block out time, book on behalf of a caller, and a secret calendar
 * feed link. Roles come from the verified claims ({@link StaffCaller}).
 */
public final class StaffBookingsHandler extends HttpHandler {
    private final BookingService service;
    public StaffBookingsHandler() {
        this(BookingWiring.service(AwsClients.dynamoDb()));
    }

    public StaffBookingsHandler(BookingService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller staff = StaffCaller.from(request);
        String route = request.routeKey() == null ? "" : request.routeKey();
        String reference = request.pathParameter("reference");
        switch (route) {
            case "GET /staff/facilities/{facilityId}/calendar" -> {
                String facilityId = facilityId(request);
                Facility facility = service.facility(facilityId);
                LocalDate from = BookingWiring.from(request.queryParameter("from").orElse(null), service.today(facility));
                return HttpResponses.json(200, service.calendar(facilityId, from, BookingWiring.days(request.queryParameter("days").orElse(null)), staff));
            }
            case "GET /staff/bookings/holds" -> {
                return HttpResponses.json(200, Map.of("holds", service.holds(staff)));
            }
            case "POST /staff/bookings" -> {
                staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
                String body = request.body();
                JsonNode json = Json.parseBody(body);
                Idempotency.Key key = Idempotency.fromHeader(request, body).orElse(null);
                BookingService.Answer answer = service.book(BookingRequestReader.read(json, null, false), key, staff);
                return HttpResponses.rawJson(answer.status(), answer.body(), "no-store");
            }
            case "POST /staff/bookings/{reference}/approve" -> {
                return HttpResponses.json(200, service.approve(reference, staff));
            }
            case "POST /staff/bookings/{reference}/decline" -> {
                return HttpResponses.json(200, service.decline(reference, reason(request), staff));
            }
            case "POST /staff/bookings/{reference}/cancel" -> {
                return HttpResponses.json(200, service.staffCancel(reference, reason(request), staff));
            }
            case "POST /staff/facilities/{facilityId}/blackouts" -> {
                BookingService.Answer answer = service.block(facilityId(request), request.jsonBody(), staff);
                return HttpResponses.rawJson(answer.status(), answer.body(), "no-store");
            }
            case "POST /staff/facilities/{facilityId}/feed-links" -> {
                return HttpResponses.json(201, service.newFeedLink(facilityId(request), staff));
            }
            default -> throw Refusal.notFound("Not Found");
        }
    }

    private static String facilityId(HttpRequest request) {
        return Ids.require(request.pathParameter("facilityId"), "facilityId", "facility");
    }

    private static String reason(HttpRequest request) {
        JsonNode body = request.jsonBody();
        return body.path("reason").isTextual() ? body.path("reason").asText() : null;
    }
}

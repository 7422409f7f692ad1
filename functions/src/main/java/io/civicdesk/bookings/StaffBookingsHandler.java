package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.util.Map;

/** Staff work on bookings behind the JWT authorizer, roles from the verified claims (what each does: {@link StaffBookings}). */
public final class StaffBookingsHandler extends HttpHandler {
    private final BookingWiring bookings;

    public StaffBookingsHandler() {
        this(BookingWiring.fromConfig());
    }

    StaffBookingsHandler(BookingWiring bookings) {
        this.bookings = bookings;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        StaffCaller staff = StaffCaller.from(request);
        String reference = request.pathParameter("reference");
        StaffBookings work = bookings.staff;
        return switch (request.routeKey() == null ? "" : request.routeKey()) {
            case "GET /staff/facilities/{facilityId}/calendar" -> {
                Facility facility = bookings.browsing.facility(facilityId(request));
                yield HttpResponses.json(200, work.calendar(facility, BookingRequestReader.days(request.queryParameter("from"),
                        request.queryParameter("days"), bookings.browsing.today(facility)), staff));
            }
            case "GET /staff/bookings/holds" -> HttpResponses.json(200, Map.of("holds", work.holds(staff)));
            case "POST /staff/bookings" -> answer(bookings.newBookings.bookFor(BookingRequestReader.read(request.jsonBody(), null, false),
                    Idempotency.fromHeader(request, request.body()), staff));
            case "POST /staff/bookings/{reference}/approve" -> HttpResponses.json(200, work.approve(reference, staff));
            case "POST /staff/bookings/{reference}/decline" ->
                    HttpResponses.json(200, work.decline(reference, BookingRequestReader.reason(request.jsonBody()), staff));
            case "POST /staff/bookings/{reference}/cancel" ->
                    HttpResponses.json(200, work.cancel(reference, BookingRequestReader.reason(request.jsonBody()), staff));
            case "POST /staff/facilities/{facilityId}/blackouts" ->
                    answer(bookings.newBookings.block(facilityId(request), BookingRequestReader.blockOut(request.jsonBody()), staff));
            case "POST /staff/facilities/{facilityId}/feed-links" -> HttpResponses.json(201, work.newFeedLink(facilityId(request), staff));
            default -> throw Refusal.notFound("Not Found");
        };
    }

    private static APIGatewayV2HTTPResponse answer(Idempotency.Answer answer) {
        return HttpResponses.answer(answer);
    }

    private static String facilityId(HttpRequest request) {
        return Ids.require(request.pathParameter("facilityId"), "facilityId", "facility");
    }
}

package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Ids;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code GET /facilities}, {@code GET /facilities/{facilityId}} and
 * {@code GET /facilities/{facilityId}/availability?from=YYYY-MM-DD&days=1..7}: what residents browse. Reads
 * only: the facility from the catalogue, the locks from one Query.
 */
public final class FacilitiesHandler extends HttpHandler {
    private static final String CACHE_A_MINUTE = "public, max-age=60";

    private final BookingService service;

    public FacilitiesHandler() {
        this(BookingWiring.service(AwsClients.dynamoDb()));
    }

    public FacilitiesHandler(BookingService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String facilityId = request.pathParameter("facilityId");
        if (facilityId == null) {
            return HttpResponses.json(200, Map.of("facilities", service.facilities().stream().map(BookingViews::summary).toList()),
                    CACHE_A_MINUTE);
        }
        Facility facility = service.facility(Ids.require(facilityId, "facilityId", "facility"));
        if (request.routeKey() != null && request.routeKey().endsWith("/availability")) {
            LocalDate today = service.today(facility);
            // Real time: never cached, so a slot taken a moment ago shows as taken.
            return HttpResponses.json(200, service.availability(facility,
                    BookingWiring.from(request.queryParameter("from").orElse(null), today), BookingWiring.days(request.queryParameter("days").orElse(null))));
        }
        return HttpResponses.json(200, BookingViews.detail(facility), CACHE_A_MINUTE);
    }
}

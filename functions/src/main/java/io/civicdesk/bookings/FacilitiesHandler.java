package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Ids;

import java.util.Map;

/**
 * {@code GET /facilities}, {@code GET /facilities/{facilityId}} and
 * {@code GET /facilities/{facilityId}/availability?from=YYYY-MM-DD&days=1..7}: what residents browse. Reads
 * only: the facility from the catalogue, the locks from one Query.
 */
public final class FacilitiesHandler extends HttpHandler {
    private static final String CACHE_A_MINUTE = "public, max-age=60";

    private final FacilityBrowsing browsing;

    public FacilitiesHandler() {
        this(BookingWiring.browsing());
    }

    FacilitiesHandler(FacilityBrowsing browsing) {
        this.browsing = browsing;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String facilityId = request.pathParameter("facilityId");
        if (facilityId == null) {
            return HttpResponses.json(200, Map.of("facilities", browsing.facilities().stream().map(BookingViews::summary).toList()),
                    CACHE_A_MINUTE);
        }
        Facility facility = browsing.facility(Ids.require(facilityId, "facilityId", "facility"));
        if (request.routeKey() != null && request.routeKey().endsWith("/availability")) {
            // Real time: never cached, so a slot taken a moment ago shows as taken.
            return HttpResponses.json(200, browsing.availability(facility, BookingRequestReader.days(request.queryParameter("from"),
                    request.queryParameter("days"), browsing.today(facility))));
        }
        return HttpResponses.json(200, BookingViews.detail(facility), CACHE_A_MINUTE);
    }
}

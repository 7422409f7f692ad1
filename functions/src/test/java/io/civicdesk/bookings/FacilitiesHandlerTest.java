package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.civicdesk.bookings.BookingTestbed.SATURDAY;
import static io.civicdesk.bookings.BookingTestbed.event;
import static io.civicdesk.bookings.BookingTestbed.json;
import static io.civicdesk.bookings.BookingTestbed.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What residents browse, on in-memory stores. */
class FacilitiesHandlerTest {
    private final BookingTestbed bed = new BookingTestbed();
    private final FacilitiesHandler handler = new FacilitiesHandler(bed.wiring.browsing);

    private APIGatewayV2HTTPResponse availability(String facilityId, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = event("GET /facilities/{facilityId}/availability", Map.of("facilityId", facilityId), Map.of(), null);
        event.setQueryStringParameters(query);
        return handler.handleRequest(event, null);
    }

    @Test
    void theListShowsEveryFacility() {
        APIGatewayV2HTTPResponse list = handler.handleRequest(event("GET /facilities", null, Map.of(), null), null);
        assertEquals(200, list.getStatusCode());
        assertEquals(2, json(list).path("facilities").size());
    }

    @Test
    void aWeeksAvailabilityAnswers200AndAnUnknownFacility404() {
        assertEquals(200, availability("hall", Map.of("from", SATURDAY.toString())).getStatusCode());
        assertEquals(404, availability("no-such-hall", Map.of()).getStatusCode());
    }

    @Test
    void moreThanAWeekAnswers400NamingDays() {
        APIGatewayV2HTTPResponse response = availability("hall", Map.of("days", "9"));
        assertEquals(400, response.getStatusCode());
        assertTrue(names(response, "days"), response.getBody());
    }
}

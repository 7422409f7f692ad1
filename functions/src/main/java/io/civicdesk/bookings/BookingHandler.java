package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;

import java.util.Map;

/**
 * The resident's bookings: {@code POST /bookings} (with {@code Idempotency-Key}), {@code GET /bookings/{reference}}
 * (with {@code X-Private-Key} for their details), {@code POST /bookings/{reference}/change} and
 * {@code /cancel} (private key required); and {@code GET /facility-feeds/{token}}, a facility's calendar
 * feed behind its secret link.
 */
public final class BookingHandler extends HttpHandler {
    private static final Map<String, String> CALENDAR = Map.of("content-type", "text/calendar; charset=utf-8",
            "cache-control", "private, max-age=300", "x-content-type-options", "nosniff");

    private final BookingWiring bookings;

    public BookingHandler() {
        this(BookingWiring.fromConfig());
    }

    BookingHandler(BookingWiring bookings) {
        this.bookings = bookings;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String route = request.routeKey() == null ? "" : request.routeKey();
        String reference = request.pathParameter("reference");
        String key = request.header("X-Private-Key").orElse(null);
        if (route.startsWith("GET /facility-feeds/")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(CALENDAR)
                    .withBody(bookings.feed.feed(request.pathParameter("token"))).build();
        }
        if (route.startsWith("GET ")) {
            return HttpResponses.json(200, bookings.residents.view(reference, key));
        }
        if (route.endsWith("/cancel")) {
            return HttpResponses.json(200, bookings.residents.cancel(reference, key));
        }
        if (route.endsWith("/change")) {
            return HttpResponses.json(200, bookings.residents.change(reference, key, BookingRequestReader.change(request.jsonBody())));
        }
        if (route.equals("POST /bookings")) {
            String body = request.body();
            BookingRequest booking = BookingRequestReader.read(Json.parseBody(body), null);
            Idempotency.Answer answer = bookings.newBookings.book(booking, Idempotency.fromHeader(request, body));
            return HttpResponses.answer(answer);
        }
        throw Refusal.notFound("Not Found");
    }
}

package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.HttpResponses;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;

import java.util.Map;

/**
 * The resident's bookings: {@code POST /bookings} (with {@code Idempotency-Key}), {@code GET /bookings/{reference}}
 * (with {@code X-Private-Key} for their details), {@code POST /bookings/{reference}/change} and
 * {@code /cancel} (private key required); and {@code GET /facility-feeds/{token}}, a facility's calendar
 * feed behind its secret link.
 */
public final class BookingHandler extends HttpHandler {
    private final BookingService service;

    public BookingHandler() {
        this(BookingWiring.service(AwsClients.dynamoDb()));
    }

    public BookingHandler(BookingService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String route = request.routeKey() == null ? "" : request.routeKey();
        String reference = request.pathParameter("reference");
        String key = request.header("X-Private-Key").orElse(null);
        if (route.startsWith("GET /facility-feeds/")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("content-type", "text/calendar; charset=utf-8", "cache-control", "private, max-age=300",
                            "x-content-type-options", "nosniff"))
                    .withBody(service.feed(request.pathParameter("token"))).build();
        }
        if (route.startsWith("GET ")) {
            return HttpResponses.json(200, service.view(reference, key));
        }
        if (route.endsWith("/cancel")) {
            return HttpResponses.json(200, service.cancel(reference, key));
        }
        if (route.endsWith("/change")) {
            return HttpResponses.json(200, service.change(reference, key, request.jsonBody()));
        }
        if (route.equals("POST /bookings")) {
            String body = request.body();
            JsonNode json = Json.parseBody(body);
            Idempotency.Key idempotency = Idempotency.fromHeader(request, body).orElse(null);
            BookingService.Answer answer = service.book(BookingRequestReader.read(json, null), idempotency, null);
            return HttpResponses.rawJson(answer.status(), answer.body(), "no-store");
        }
        throw Refusal.notFound("Not Found");
    }
}

package io.civicdesk.feedback;

import io.civicdesk.platform.InMemoryTransactions;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.Council;
import io.civicdesk.platform.HttpHandler;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Json;
import io.civicdesk.sla.BusinessCalendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A council in Perth on a Wednesday morning, and the API Gateway events a handler is invoked with. */
final class FeedbackFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC);
    static final BusinessCalendar PERTH = new BusinessCalendar("wa", ZoneId.of("Australia/Perth"),
            BusinessCalendar.MONDAY_TO_FRIDAY, Map.of());
    static final CouncilCalendar COUNCIL = CouncilCalendar.of(() -> new Council("City of Melaleuca", "Australia/Perth", "wa"),
            () -> PERTH);

    private FeedbackFixtures() {
    }

    static IdempotentCommand command(InMemoryTransactions transactions) {
        return new IdempotentCommand(transactions, transactions, CLOCK);
    }

    /** An event as API Gateway sends it: the route, its path parameters, headers and a JSON body (or none). */
    static APIGatewayV2HTTPResponse send(HttpHandler handler, String routeKey, Map<String, String> path,
                                         Map<String, String> headers, Object body) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("content-type", "application/json");
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path)
                .withHeaders(allHeaders).withBody(body == null ? null : Json.write(body))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("test").build()).build(), null);
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    /** The fields a 400 names, in order. */
    static java.util.List<String> fields(APIGatewayV2HTTPResponse response) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        json(response).path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }
}

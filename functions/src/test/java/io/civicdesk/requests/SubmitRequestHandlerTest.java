package io.civicdesk.requests;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.platform.InMemoryTransactions;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /requests} over in-memory requests, answers and transactions: the handler's behaviour, in milliseconds. */
class SubmitRequestHandlerTest {
    private final InMemoryTransactions writes = new InMemoryTransactions();
    private final InMemoryRequests requests = new InMemoryRequests(writes);
    private final Clock clock = Clock.fixed(RequestFixtures.SUBMITTED, ZoneOffset.UTC);
    private final SubmitRequestHandler handler = new SubmitRequestHandler(new SubmitRequestService(new Catalogue() {
        @Override
        public Optional<Service> service(String serviceId) {
            return Optional.of(RequestFixtures.MISSED_BIN).filter(service -> service.id().equals(serviceId));
        }

        @Override
        public Council council() {
            return new Council("Melaleuca", "Australia/Perth", "wa");
        }

        @Override
        public List<ServiceLevelPolicy> policies() {
            return List.of();
        }

        @Override
        public Optional<BusinessCalendar> calendar(String calendarId) {
            return Optional.of(RequestFixtures.PERTH);
        }
    }, requests, new OutboxStore(null, "OutboxTable"), RequestFigures.NONE,
            new IdempotentCommand(writes, writes, clock), clock, new SecureRandom(),
            "https://portal.test/", Metrics.NONE, null, AgreedTargets.NONE));

    private static Map<String, Object> report() {
        return RequestFixtures.missedBinReport();
    }

    private APIGatewayV2HTTPResponse post(Map<String, Object> report, String key) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /requests");
        event.setBody(Json.write(report));
        event.setHeaders(key == null ? Map.of() : Map.of("idempotency-key", key));
        return handler.handleRequest(event, null);
    }

    @Test
    void aValidReportIsCreatedWithAReferenceAndItsTrackingLink() {
        APIGatewayV2HTTPResponse response = post(report(), "first-try-0001");
        assertEquals(201, response.getStatusCode(), response.getBody());
        JsonNode receipt = Json.parseBody(response.getBody());
        String reference = receipt.path("reference").asText();
        assertTrue(reference.matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}"), reference);
        assertEquals("https://portal.test/track.html?ref=" + reference, receipt.path("trackingLink").asText());
        assertEquals("received", requests.get(new Reference(reference)).orElseThrow().status());
    }

    @Test
    void aReportWithoutItsAddressIsRefusedNamingTheField() {
        Map<String, Object> report = report();
        report.remove("location");
        APIGatewayV2HTTPResponse response = post(report, null);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("location", Json.parseBody(response.getBody()).path("errors").get(0).path("field").asText(),
                response.getBody());
        assertEquals(0, requests.size());
    }

    @Test
    void aRetryWithTheSameKeyIsGivenTheSameReferenceAndMakesNothingNew() {
        String first = Json.parseBody(post(report(), "retried-key-0001").getBody()).path("reference").asText();
        APIGatewayV2HTTPResponse retry = post(report(), "retried-key-0001");
        assertEquals(201, retry.getStatusCode(), retry.getBody());
        assertEquals(first, Json.parseBody(retry.getBody()).path("reference").asText());
        assertEquals(1, requests.size());
    }

    @Test
    void theSameKeyWithOtherDetailsIsRefused() {
        post(report(), "reused-key-0001");
        Map<String, Object> other = report();
        other.put("description", "Another problem altogether.");
        assertEquals(422, post(other, "reused-key-0001").getStatusCode());
        assertEquals(1, requests.size());
    }
}

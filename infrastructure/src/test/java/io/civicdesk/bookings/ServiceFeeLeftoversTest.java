package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What paying a service's fee online left open, against the whole local stack and its stand-in for Stripe: a service
 * dropped from the catalogue while a report of it waits for its fee, a fee refunded by staff after the request
 * exists, what the reconciliation lists as missing a payment, and requests of a paid service from Open311 clients and
 * officers.
 */
class ServiceFeeLeftoversTest {
    private static Api api;
    private static CatalogStore catalog;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
        catalog = new CatalogStore(TestStack.get().dynamoDb(), "CatalogTable");
    }

    private record Held(String reference, String key) {
    }

    private static Held report(String serviceId) {
        Map<String, Object> report = Reports.missedBin("fee+" + UUID.randomUUID() + "@example.com");
        report.put("serviceId", serviceId);
        report.put("answers", Map.of("collection-type", "General junk", "items", List.of("Furniture"), "volume", 3));
        Api.Reply reply = api.post("/requests", Json.write(report), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.body());
        assertEquals("awaiting-payment", reply.json().path("status").asText(), reply.body());
        String link = reply.json().path("privateLink").asText();
        return new Held(reply.json().path("reference").asText(), link.substring(link.indexOf("#key=") + 5));
    }

    /**
     * Paid: the checkout made on the stand-in, and Stripe's signed "checkout.session.completed" for it sent as the
     * stand-in sends it, so the webhook's own answer is seen.
     */
    private static Api.Reply pay(Held held, long cents) {
        Api.Reply checkout = api.post("/requests/" + held.reference() + "/checkout", "{}", Map.of("X-Private-Key", held.key()));
        assertEquals(200, checkout.status(), checkout.body());
        String eventId = "evt_fee_" + UUID.randomUUID();
        String payload = Json.write(Map.of("id", eventId, "object", "event", "api_version", "2025-07-30.basil",
                "created", TestStack.clock().instant().getEpochSecond(), "type", "checkout.session.completed",
                "data", Map.of("object", Map.of("id", "cs_test_" + eventId, "object", "checkout.session", "amount_total", cents,
                        "currency", "aud", "payment_status", "paid", "status", "complete", "payment_intent", "pi_test_" + eventId,
                        "metadata", Map.of("civicdesk_payment", checkout.json().path("paymentId").asText(),
                                "civicdesk_reference", held.reference(), "civicdesk_kind", "request")))));
        return api.post("/payments/stripe/webhook", payload, Map.of("Stripe-Signature", TestStack.get().paymentPage().signature(payload)));
    }

    /** A copy of the demo's bulk verge collection under an id of its own, costing {@code cents}. */
    private static Service paidService(long cents) {
        Service verge = catalog.service("bulk-verge").orElseThrow();
        Service copy = new Service("verge-" + UUID.randomUUID().toString().substring(0, 8), verge.name(), verge.theme(), verge.unitId(),
                verge.description(), verge.whatHappensNext(), verge.timeframe(), verge.notice(), verge.responseDays(),
                verge.resolutionDays(), verge.keywords(), verge.order(), verge.questions(), verge.translations(),
                new io.civicdesk.catalog.ServiceFee(cents, verge.fee().covers(), true));
        catalog.putService(copy);
        return copy;
    }

    private static void drop(Service service) {
        TestStack.get().dynamoDb().deleteItem(d -> d.tableName("CatalogTable").key(Items.key("CATALOG", "SERVICE#" + service.id())));
    }

    @Test
    void aServiceDroppedWhileItsReportWaitsForTheFeeStillBecomesTheRequestItWasQuotedAs() {
        Service service = paidService(3300);
        Held held;
        try {
            held = report(service.id());
        } finally {
            drop(service);
        }
        assertEquals(404, api.get("/services/" + service.id()).status(), "gone from the catalogue");
        Api.Reply webhook = pay(held, 3300);
        assertEquals(200, webhook.status(), webhook.body());
        assertTrue(webhook.json().path("confirmed").asBoolean(), webhook.body());
        JsonNode request = api.get("/requests/" + held.reference(), Map.of("X-Private-Key", held.key())).json();
        assertEquals(service.id(), request.path("service").path("id").asText(), request.toString());
        assertEquals("received", request.path("status").asText(), request.toString());
        assertTrue(reconciliation().lines().anyMatch(l -> l.contains("," + held.reference() + ",payment,online,3300,taken-on,3300,3300,3300,,request")),
                "the fee it was quoted, held once");
    }

    @Test
    void aFeeChangedWhileItsReportWaitsIsPaidAtTheQuotedAmount() {
        Service service = paidService(2000);
        try {
            Held held = report(service.id());
            catalog.putService(service.withFee(new io.civicdesk.catalog.ServiceFee(9900, service.fee().covers(), true)));
            assertEquals(200, pay(held, 2000).status());
            assertEquals(200, api.get("/requests/" + held.reference()).status());
            assertTrue(reconciliation().lines().anyMatch(l -> l.contains("," + held.reference() + ",payment,online,2000,taken-on,2000,2000,2000,,request")));
        } finally {
            drop(service);
        }
    }

    static String reconciliation() {
        Api.Reply csv = api.get("/staff/payments/reconciliation.csv?date=" + TestStack.today(), Api.signedInAs("demo-supervisor"));
        assertEquals(200, csv.status(), csv.body());
        return csv.body();
    }
}

package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.payments.Payments;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.Reference;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static final Map<String, String> SUPERVISOR = Api.signedInAs("demo-supervisor");
    private static final Map<String, String> OFFICER = Api.signedInAs("demo-officer-waste");

    private static List<String> linesOf(String reference) {
        return reconciliation().lines().filter(l -> l.contains("," + reference + ",")).toList();
    }

    @Test
    void aSupervisorRefundsAPaidFeeOnceThroughTheProviderAndTheReconciliationCountsIt() {
        Held held = report("bulk-verge");
        assertEquals(200, pay(held, 4500).status());
        String refund = "/staff/requests/" + held.reference() + "/fee-refund";
        assertEquals(403, api.post(refund, Json.write(Map.of("reason", "withdrawn")), OFFICER).status(), "officers do not refund");
        Api.Reply noReason = api.post(refund, Json.write(Map.of("reason", "because")), SUPERVISOR);
        assertEquals(400, noReason.status(), noReason.body());
        noReason.assertNames("reason");

        Api.Reply refunded = api.post(refund, Json.write(Map.of("reason", "withdrawn")), SUPERVISOR);
        assertEquals(200, refunded.status(), refunded.body());
        assertTrue(refunded.json().path("changed").asBoolean());
        assertEquals(0, refunded.json().path("heldCents").asLong());
        JsonNode given = refunded.json().path("payments").get(0).path("refunds").get(0);
        assertEquals(4500, given.path("amountCents").asLong());
        assertEquals("withdrawn", given.path("reason").asText());
        assertEquals("demo-supervisor", given.path("by").asText());
        assertTrue(given.path("providerRefundId").asText().startsWith("re_"), given.toString());

        Api.Reply again = api.post(refund, Json.write(Map.of("reason", "withdrawn")), SUPERVISOR);
        assertEquals(200, again.status(), again.body());
        assertFalse(again.json().path("changed").asBoolean(), "asked again, nothing more given");
        assertEquals(1, again.json().path("payments").get(0).path("refunds").size());
        List<String> lines = linesOf(held.reference());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",payment,online,4500,refunded,4500,0,0,,request")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",refund-0,online,-4500,refunded,4500,0,0,,request")), lines.toString());
        assertEquals(2, lines.size(), "counted once each way: " + lines);
    }

    @Test
    void aRequestAnOfficerLogsForAPaidServiceIsListedAsUnpaidUntilTheyTakeTheFeeAtTheCounter() {
        Map<String, Object> walkIn = new java.util.HashMap<>(Reports.missedBin("walkin+" + UUID.randomUUID() + "@example.com"));
        walkIn.put("serviceId", "bulk-verge");
        walkIn.put("answers", Map.of("collection-type", "General junk", "items", List.of("Furniture"), "volume", 3));
        walkIn.put("channel", "counter");
        Api.Reply logged = api.post("/staff/requests", Json.write(walkIn), OFFICER);
        assertEquals(201, logged.status(), logged.body());
        String reference = logged.json().path("reference").asText();
        assertEquals(List.of(",none,,0,received,4500,0,4500,no fee paid,request"),
                linesOf(reference).stream().map(l -> l.substring(l.indexOf("," + reference) + reference.length() + 1)).toList());

        Api.Reply taken = api.post("/staff/requests/" + reference + "/payments", "{}", OFFICER);
        assertEquals(201, taken.status(), taken.body());
        assertEquals(4500, taken.json().path("heldCents").asLong());
        assertEquals("counter", taken.json().path("payments").get(0).path("method").asText());
        assertEquals(409, api.post("/staff/requests/" + reference + "/payments", "{}", OFFICER).status(), "paid already");
        List<String> lines = linesOf(reference);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(",payment,counter,4500,taken-on,4500,4500,4500,,request"), lines.toString());
    }

    @Test
    void aBookingStaffConfirmForAFacilityPaidOnlineIsListedAsUnpaidUntilItsCounterPayment() {
        LocalDate saturday = BookingFixtures.weekday("jarrah-bbq-shelter", DayOfWeek.SATURDAY, 3);
        Api.Reply booked = api.post("/staff/bookings", Json.write(BookingFixtures.booking("jarrah-bbq-shelter", saturday, "12:00", "13:00",
                "counter+" + UUID.randomUUID() + "@example.com")), OFFICER);
        assertEquals(201, booked.status(), booked.body());
        String reference = booked.json().path("reference").asText();
        assertEquals("confirmed", booked.json().path("status").asText());
        List<String> unpaid = linesOf(reference);
        assertEquals(1, unpaid.size(), unpaid.toString());
        assertTrue(unpaid.get(0).contains(",none,,0,confirmed,1000,0,1000,confirmed without a payment,booking"), unpaid.toString());

        assertEquals(201, api.post("/staff/bookings/" + reference + "/payments", "{}", OFFICER).status());
        List<String> paid = linesOf(reference);
        assertEquals(1, paid.size(), paid.toString());
        assertTrue(paid.get(0).contains(",payment,counter,1000,confirmed,1000,1000,1000,,booking"), paid.toString());
    }

    @Test
    void aFeeForNoRequestIsFlagged() {
        String stray = Reference.random(new SecureRandom()).value();
        Payments payments = BookingWiring.payments(TestStack.get().dynamoDb(), "BookingsTable", new SecureRandom(), () -> BookingFixtures.PERTH);
        new DynamoTransactions(TestStack.get().dynamoDb()).commit(
                payments.atCounter("request", stray, 1200, 0, "demo-officer-waste", TestStack.clock().instant()).writes());
        List<String> lines = linesOf(stray);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(",payment,counter,1200,,1200,1200,1200,no such request,request"), lines.toString());
    }

    static String reconciliation() {
        Api.Reply csv = api.get("/staff/payments/reconciliation.csv?date=" + TestStack.today(), Api.signedInAs("demo-supervisor"));
        assertEquals(200, csv.status(), csv.body());
        return csv.body();
    }
}

package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.PaymentPage;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paying a service's fee at the end of the report (the demo's bulk verge collection, $45, paid online), against the
 * whole local stack and its stand-in for Stripe: the report held until paid, the checkout, the signed webhook that
 * makes the request, the release of an unpaid hold, a payment landing after it, the provider down, and the
 * reconciliation.
 */
class ServiceFeePaymentTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Api api;
    private static PaymentPage stripe;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
        stripe = TestStack.get().paymentPage();
    }

    private record Held(String reference, String key, String email) {
    }

    private static Held report() {
        String email = "fee+" + UUID.randomUUID() + "@example.com";
        Map<String, Object> report = Reports.missedBin(email);
        report.put("serviceId", "bulk-verge");
        report.put("answers", Map.of("collection-type", "General junk", "items", List.of("Furniture"), "volume", 3));
        Api.Reply reply = api.post("/requests", Json.write(report), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.body());
        assertEquals("awaiting-payment", reply.json().path("status").asText(), reply.body());
        assertEquals(4500, reply.json().path("amountCents").asLong());
        String link = reply.json().path("privateLink").asText();
        return new Held(reply.json().path("reference").asText(), link.substring(link.indexOf("#key=") + 5), email);
    }

    private static Api.Reply checkout(Held held) {
        return api.post("/requests/" + held.reference() + "/checkout", "{}", Map.of("X-Private-Key", held.key()));
    }

    private static int tracking(Held held) {
        return api.get("/requests/" + held.reference()).status();
    }

    private static String press(String checkoutUrl, String button) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(checkoutUrl + "/" + button))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void theCatalogueTellsTheFeeAndWhatItCovers() {
        JsonNode fee = api.get("/services/bulk-verge?lang=vi").json().path("fee");
        assertEquals(4500, fee.path("amountCents").asLong(), fee.toString());
        assertEquals("AUD", fee.path("currency").asText());
        assertTrue(fee.path("payOnline").asBoolean());
        assertFalse(fee.path("covers").asText().isBlank());
    }

    @Test
    void aReportIsHeldUntilPaidAndThenTakenOnWithItsClockStartingAtPayment() throws Exception {
        Held held = report();
        assertEquals(404, tracking(held), "not a request until it is paid: in no queue, on no clock");
        Api.Reply wrongKey = api.post("/requests/" + held.reference() + "/checkout", "{}", Map.of("X-Private-Key", "nope"));
        assertEquals(404, wrongKey.status());
        JsonNode checkout = checkout(held).json();
        assertTrue(checkout.path("checkoutUrl").asText().startsWith(stripe.url() + "/pay/cs_test_"), checkout.toString());
        assertEquals(checkout.path("paymentId").asText(), checkout(held).json().path("paymentId").asText(), "the open checkout again");

        String back = press(checkout.path("checkoutUrl").asText(), "pay");
        assertTrue(back.contains("/track.html?ref=" + held.reference() + "&paid=1"), back);
        assertEquals(200, tracking(held), "taken on once paid");
        JsonNode request = api.get("/requests/" + held.reference(), Map.of("X-Private-Key", held.key())).json();
        assertEquals("received", request.path("status").asText(), request.toString());
        assertNotNull(Mailbox.awaitMailTo(held.email(), m -> m.subject().startsWith("We have received your report")));
        Api.Reply late = checkout(held);
        assertEquals(404, late.status(), "nothing left to pay");
        String csv = reconciliation();
        assertTrue(csv.lines().anyMatch(l -> l.contains("," + held.reference() + ",payment,online,4500,taken-on,4500,4500,4500,,request")), csv);
    }

    @Test
    void aDeclinedCardIsRecordedAndTheReportStillWaits() throws Exception {
        Held held = report();
        String back = press(checkout(held).json().path("checkoutUrl").asText(), "decline");
        assertTrue(back.contains("unpaid=" + held.reference()), back);
        assertEquals(404, tracking(held));
        assertEquals(200, checkout(held).status(), "it can still be paid");
    }

    @Test
    void anUnpaidHoldIsReleasedWithAMailAndAPaymentAfterItIsGivenBack() throws Exception {
        Held held = report();
        String checkoutUrl = checkout(held).json().path("checkoutUrl").asText();
        assertEquals(0, BookingFixtures.servicesAt(Duration.ofMinutes(39)).requestFees.releaseUnpaid().released(), "still within its hold");
        BookingFixtures.servicesAt(Duration.ofMinutes(41)).requestFees.releaseUnpaid();
        assertNotNull(Mailbox.awaitMailTo(held.email(), m -> m.subject().startsWith("Your report was not taken on")));
        assertEquals(409, HTTP.send(HttpRequest.newBuilder(URI.create(checkoutUrl + "/pay")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "its checkout was closed at the provider");
        assertEquals(404, checkout(held).status());
        assertEquals(404, tracking(held));
    }

    @Test
    void whenStripeIsDownTheCheckoutAnswers503AndTheRetryWorksOnceItIsBack() throws Exception {
        Held held = report();
        stripe.fail(PaymentPage.Fault.SERVER_ERROR);
        try {
            Api.Reply down = checkout(held);
            assertEquals(503, down.status(), down.body());
            assertTrue(down.json().path("message").asText().contains("try again in a few minutes"), down.body());
        } finally {
            stripe.fail(PaymentPage.Fault.NONE);
        }
        press(checkout(held).json().path("checkoutUrl").asText(), "pay");
        assertEquals(200, tracking(held));
    }

    private static String reconciliation() {
        Api.Reply csv = api.get("/staff/payments/reconciliation.csv?date=" + TestStack.today(), Api.signedInAs("demo-supervisor"));
        assertEquals(200, csv.status(), csv.body());
        return csv.body();
    }
}

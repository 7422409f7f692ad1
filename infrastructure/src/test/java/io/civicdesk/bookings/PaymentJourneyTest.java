package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.PaymentPage;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paying for a booking of a facility paid online (the Jarrah Reserve BBQ Shelter, $10 an hour), against the whole
 * local stack and its stand-in for Stripe: the resident's checkout, the signed webhook, what is refused, expiry of an
 * unpaid hold, the refund on cancel, the counter, and the finance officer's reconciliation; and of the pavilion
 * (approval, a bond): refunded when declined, its bond released by a supervisor once the booking has taken place.
 */
@DependsOnTheDate
class PaymentJourneyTest {
    private static final String SHELTER = "jarrah-bbq-shelter";
    private static final String PAVILION = "reserve-pavilion";
    private static final String WEBHOOK = "/payments/stripe/webhook";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Api api;
    private static PaymentPage stripe;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
        stripe = TestStack.get().paymentPage();
    }

    /** A booking held for payment, with its private key. */
    private record Held(String reference, String key, String email) {
    }

    private static Held book(int weeksAhead, String start, String end) {
        return book(SHELTER, BookingFixtures.weekday(SHELTER, DayOfWeek.SATURDAY, weeksAhead), start, end);
    }

    private static Held book(String facilityId, LocalDate date, String start, String end) {
        String email = "pay+" + UUID.randomUUID() + "@example.com";
        Api.Reply reply = api.post("/bookings", Json.write(BookingFixtures.booking(facilityId, date, start, end, email)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.body());
        assertEquals("paying", reply.json().path("status").asText());
        String link = reply.json().path("privateLink").asText();
        return new Held(reply.json().path("reference").asText(), link.substring(link.indexOf("#key=") + 5), email);
    }

    private static JsonNode checkout(Held held) {
        Api.Reply reply = api.post("/bookings/" + held.reference() + "/checkout", "{}", Map.of("X-Private-Key", held.key()));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonNode booking(Held held) {
        return api.get("/bookings/" + held.reference(), Map.of("X-Private-Key", held.key())).json();
    }

    /** The resident presses a button on the stand-in's page; it answers with where it sends them back to. */
    private static String press(String checkoutUrl, String button) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(checkoutUrl + "/" + button))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static String paidEvent(String eventId, JsonNode checkout, String reference, long cents) {
        return Json.write(Map.of("id", eventId, "object", "event", "api_version", "2025-07-30.basil",
                "created", TestStack.clock().instant().getEpochSecond(), "type", "checkout.session.completed",
                "data", Map.of("object", Map.of("id", "cs_test_" + eventId, "object", "checkout.session", "amount_total", cents,
                        "currency", "aud", "payment_status", "paid", "status", "complete", "payment_intent", "pi_test_" + eventId,
                        "metadata", Map.of("civicdesk_payment", checkout.path("paymentId").asText(), "civicdesk_reference", reference)))));
    }

    private static Api.Reply webhook(String payload, String signature) {
        return api.post(WEBHOOK, payload, Map.of("Stripe-Signature", signature));
    }

    private static JsonNode payments(Held held) {
        Api.Reply reply = api.get("/staff/bookings/" + held.reference() + "/payments", Api.signedInAs("demo-supervisor"));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void aResidentPaysOnTheStandInPageAndTheWebhookConfirmsTheBooking() throws Exception {
        Held held = book(1, "08:00", "10:00");
        JsonNode checkout = checkout(held);
        assertTrue(checkout.path("checkoutUrl").asText().startsWith(stripe.url() + "/pay/cs_test_"), checkout.toString());
        assertEquals(checkout.path("paymentId").asText(), checkout(held).path("paymentId").asText(), "the open checkout again");
        assertTrue(Mailbox.awaitMailTo(held.email()).subject().startsWith("Pay to confirm your booking"));

        String back = press(checkout.path("checkoutUrl").asText(), "pay");
        assertTrue(back.contains("/booking.html?ref=" + held.reference() + "&paid=1"), back);
        assertEquals("confirmed", booking(held).path("status").asText());
        assertTrue(Mailbox.awaitMailTo(held.email(), m -> m.subject().startsWith("Your booking is confirmed")) != null);
        JsonNode paid = payments(held);
        assertEquals(2000, paid.path("heldCents").asLong());
        assertEquals("PAID", paid.path("payments").get(0).path("state").asText());
        assertEquals("online", paid.path("payments").get(0).path("method").asText());
    }

    @Test
    void aDeclinedCardIsRecordedAndTheBookingWaitsForPayment() throws Exception {
        Held held = book(1, "10:00", "12:00");
        JsonNode checkout = checkout(held);
        String back = press(checkout.path("checkoutUrl").asText(), "decline");
        assertTrue(back.endsWith("&paid=0"), back);
        assertEquals("paying", booking(held).path("status").asText());
        JsonNode attempts = payments(held).path("payments").get(0).path("attempts");
        assertEquals("declined", attempts.get(attempts.size() - 1).path("outcome").asText());
        assertEquals("card_declined", attempts.get(attempts.size() - 1).path("detail").asText());
    }

    @Test
    void whenStripeIsDownTheCheckoutAnswers503AndTheSameTryWorksOnceItIsBack() throws Exception {
        Held held = book(SHELTER, BookingFixtures.weekday(SHELTER, DayOfWeek.SUNDAY, 1), "08:00", "09:00");
        for (PaymentPage.Fault fault : new PaymentPage.Fault[] {PaymentPage.Fault.SERVER_ERROR, PaymentPage.Fault.NO_ANSWER}) {
            stripe.fail(fault);
            try {
                Api.Reply down = api.post("/bookings/" + held.reference() + "/checkout", "{}", Map.of("X-Private-Key", held.key()));
                assertEquals(503, down.status(), fault + ": " + down.body());
                assertTrue(down.json().path("message").asText().contains("try again in a few minutes"), down.body());
            } finally {
                stripe.fail(PaymentPage.Fault.NONE);
            }
            assertEquals(0, payments(held).path("payments").size(), "nothing written while " + fault);
        }
        JsonNode back = checkout(held);
        assertEquals(1, payments(held).path("payments").size());
        press(back.path("checkoutUrl").asText(), "pay");
        assertEquals("confirmed", booking(held).path("status").asText());
    }

    @Test
    void aWebhookWithABadSignatureOrNoneIsRefused() {
        Held held = book(1, "12:00", "14:00");
        String payload = paidEvent("evt_bad_" + UUID.randomUUID(), checkout(held), held.reference(), 2000);
        Api.Reply forged = webhook(payload, "t=" + TestStack.clock().instant().getEpochSecond() + ",v1=" + "0".repeat(64));
        assertEquals(400, forged.status(), forged.body());
        forged.assertNames("Stripe-Signature");
        assertEquals(400, api.post(WEBHOOK, payload, Map.of()).status());
        Api.Reply tampered = webhook(payload.replace("2000", "1"), stripe.signature(payload));
        assertEquals(400, tampered.status());
        assertEquals("paying", booking(held).path("status").asText());
    }

    @Test
    void aReplayedWebhookIsRefusedWhetherOldOrAlreadyTaken() {
        Held held = book(1, "14:00", "16:00");
        String payload = paidEvent("evt_replay_" + UUID.randomUUID(), checkout(held), held.reference(), 2000);
        Api.Reply old = webhook(payload, stripe.signature(payload, TestStack.clock().instant().minus(Duration.ofMinutes(10))));
        assertEquals(400, old.status(), old.body());
        assertEquals("paying", booking(held).path("status").asText());

        assertEquals(200, webhook(payload, stripe.signature(payload)).status());
        Api.Reply again = webhook(payload, stripe.signature(payload));
        assertEquals(409, again.status(), again.body());
        assertEquals("confirmed", booking(held).path("status").asText());
    }

    @Test
    void aPaymentConfirmedTwiceIsCountedOnce() {
        Held held = book(1, "16:00", "18:00");
        JsonNode checkout = checkout(held);
        String first = paidEvent("evt_once_" + UUID.randomUUID(), checkout, held.reference(), 2000);
        String second = paidEvent("evt_twice_" + UUID.randomUUID(), checkout, held.reference(), 2000);
        assertTrue(webhook(first, stripe.signature(first)).json().path("confirmed").asBoolean());
        Api.Reply other = webhook(second, stripe.signature(second));
        assertEquals(200, other.status(), other.body());
        assertFalse(other.json().path("confirmed").asBoolean());
        JsonNode paid = payments(held);
        assertEquals(2000, paid.path("heldCents").asLong());
        assertEquals(1, paid.path("payments").size());
        String csv = reconciliation();
        assertEquals(1, csv.lines().filter(line -> line.contains(held.reference() + ",payment,")).count(), csv);
    }

    @Test
    void aWebhookForAnUnknownPaymentIsRefused() {
        Held held = book(1, "18:00", "20:00");
        checkout(held);
        String payload = paidEvent("evt_unknown_" + UUID.randomUUID(), Json.MAPPER.createObjectNode().put("paymentId", "pay_nosuch"),
                held.reference(), 2000);
        assertEquals(404, webhook(payload, stripe.signature(payload)).status());
        assertEquals("paying", booking(held).path("status").asText());
    }

    @Test
    void anUnpaidHoldExpiresAndFreesItsSlots() throws Exception {
        Held held = book(2, "08:00", "10:00");
        String checkoutUrl = checkout(held).path("checkoutUrl").asText();
        LocalDate date = BookingFixtures.weekday(SHELTER, DayOfWeek.SATURDAY, 2);
        assertTrue(BookingFixtures.locksOn(SHELTER, date).stream().anyMatch(l -> l.bookingRef().equals(held.reference())));
        BookingFixtures.servicesAt(Duration.ofMinutes(39)).sweeps.expireHolds();
        assertEquals("paying", booking(held).path("status").asText(), "still within its hold");
        BookingFixtures.servicesAt(Duration.ofMinutes(41)).sweeps.expireHolds();
        assertEquals("expired", booking(held).path("status").asText());
        assertTrue(Mailbox.awaitMailTo(held.email(), m -> m.subject().startsWith("Your booking was not paid in time")) != null);
        assertTrue(BookingFixtures.locksOn(SHELTER, date).stream().noneMatch(l -> l.bookingRef().equals(held.reference())));
        JsonNode attempts = payments(held).path("payments").get(0).path("attempts");
        assertEquals("expired", attempts.get(attempts.size() - 1).path("outcome").asText(), "its checkout lapsed with the hold");
        HttpResponse<String> tooLate = HTTP.send(HttpRequest.newBuilder(URI.create(checkoutUrl + "/pay"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(409, tooLate.statusCode(), "the provider's page is closed too");
        Api.Reply late = api.post("/bookings/" + held.reference() + "/checkout", "{}", Map.of("X-Private-Key", held.key()));
        assertEquals(409, late.status(), late.body());
    }

    @Test
    void aCancellationWithinTheRulesRefundsThePayment() throws Exception {
        Held held = book(2, "10:00", "12:00");
        press(checkout(held).path("checkoutUrl").asText(), "pay");
        assertEquals("confirmed", booking(held).path("status").asText());
        Api.Reply cancelled = api.post("/bookings/" + held.reference() + "/cancel", "{}", Map.of("X-Private-Key", held.key()));
        assertEquals(200, cancelled.status(), cancelled.body());
        JsonNode payment = payments(held).path("payments").get(0);
        assertEquals(2000, payment.path("refunds").get(0).path("amountCents").asLong());
        assertEquals("succeeded", payment.path("refunds").get(0).path("state").asText());
        assertEquals(0, payments(held).path("heldCents").asLong());
        String providerRefund = payment.path("refunds").get(0).path("providerRefundId").asText();
        assertTrue(stripe.refunds().stream().anyMatch(r -> r.startsWith(providerRefund + " ") && r.endsWith(" 2000")), stripe.refunds().toString());
    }

    @Test
    void theCounterTakesAPaymentOnTheResidentsBehalf() {
        Held held = book(2, "12:00", "14:00");
        Api.Reply taken = api.post("/staff/bookings/" + held.reference() + "/payments", "{}", Api.signedInAs("demo-officer-waste"));
        assertEquals(201, taken.status(), taken.body());
        assertEquals("confirmed", booking(held).path("status").asText());
        JsonNode payment = taken.json().path("payments").get(0);
        assertEquals("counter", payment.path("method").asText());
        assertEquals("demo-officer-waste", payment.path("takenBy").asText());
        Api.Reply twice = api.post("/staff/bookings/" + held.reference() + "/payments", "{}", Api.signedInAs("demo-officer-waste"));
        assertEquals(409, twice.status(), "nothing left to pay");
    }

    @Test
    void theReconciliationCsvListsTheDaysPaymentsAndRefundsAndFlagsMismatches() throws Exception {
        Held kept = book(3, "08:00", "10:00");
        press(checkout(kept).path("checkoutUrl").asText(), "pay");
        Held refunded = book(3, "10:00", "12:00");
        press(checkout(refunded).path("checkoutUrl").asText(), "pay");
        api.post("/bookings/" + refunded.reference() + "/cancel", "{}", Map.of("X-Private-Key", refunded.key()));
        String csv = reconciliation();
        assertEquals("at,booking_reference,entry,method,amount_cents,booking_status,booking_total_cents,held_cents,expected_cents,flag,kind",
                csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains(",flag,kind\r\n"), "CRLF line ends");
        assertTrue(csv.lines().anyMatch(l -> l.contains("," + kept.reference() + ",payment,online,2000,confirmed,2000,2000,2000,")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.contains("," + refunded.reference() + ",refund-0,online,-2000,cancelled,2000,0,0,")), csv);
        JsonNode day = api.get("/staff/payments/reconciliation?date=" + TestStack.today(), Api.signedInAs("demo-supervisor")).json();
        assertTrue(day.path("receivedCents").asLong() >= 4000, day.toString());
        assertEquals(400, api.get("/staff/payments/reconciliation?date=yesterday", Api.signedInAs("demo-supervisor")).status());
        assertEquals(403, api.get("/staff/payments/reconciliation", Api.signedInAs("demo-officer-waste")).status());
    }

    @Test
    void aPaidBookingHeldForApprovalIsRefundedWhenDeclinedAndItsBondReleasedAfterItHasTakenPlace() throws Exception {
        // The pavilion needs approval and takes a $1,000 bond: 3 hours at $90 and the bond, $1,270.
        LocalDate monday = BookingFixtures.weekday(PAVILION, DayOfWeek.MONDAY, 2);
        Held kept = book(PAVILION, monday, "10:00", "13:00");
        press(checkout(kept).path("checkoutUrl").asText(), "pay");
        assertEquals("held", booking(kept).path("status").asText(), "paid, then waiting for a supervisor");
        assertEquals(200, BookingFixtures.staff("POST /staff/bookings/{reference}/approve", Map.of("reference", kept.reference()),
                Map.of(), BookingFixtures.supervisor()).getStatusCode());
        Api.Reply early = api.post("/staff/bookings/" + kept.reference() + "/bond-release", "{}", Api.signedInAs("demo-supervisor"));
        assertEquals(409, early.status(), "not before the booking has taken place");
        Api.Reply byOfficer = api.post("/staff/bookings/" + kept.reference() + "/bond-release", "{}", Api.signedInAs("demo-officer-waste"));
        assertEquals(403, byOfficer.status(), "a supervisor's say-so");

        Duration afterIt = Duration.between(TestStack.clock().instant(), monday.plusDays(1).atTime(9, 0).atZone(BookingFixtures.PERTH).toInstant());
        var released = new StaffPaymentsHandler(BookingFixtures.servicesAt(afterIt)).handleRequest(BookingFixtures.staffEvent(
                "POST /staff/bookings/{reference}/bond-release", Map.of("reference", kept.reference()), Map.of(), BookingFixtures.supervisor()), null);
        assertEquals(200, released.getStatusCode(), released.getBody());
        JsonNode paid = payments(kept);
        assertTrue(paid.path("bondReleased").asBoolean());
        assertEquals(27000, paid.path("heldCents").asLong(), "the hire fee is kept");
        JsonNode refund = paid.path("payments").get(0).path("refunds").get(0);
        assertEquals(100000, refund.path("amountCents").asLong());
        assertEquals("bond", refund.path("reason").asText());
        assertEquals("demo-supervisor", refund.path("by").asText());

        Held declined = book(PAVILION, monday, "15:00", "18:00");
        press(checkout(declined).path("checkoutUrl").asText(), "pay");
        assertEquals(200, BookingFixtures.staff("POST /staff/bookings/{reference}/decline", Map.of("reference", declined.reference()),
                Map.of("reason", "The pavilion is needed for the club's final."), BookingFixtures.supervisor()).getStatusCode());
        assertEquals(0, payments(declined).path("heldCents").asLong());
        JsonNode refundedInFull = payments(declined).path("payments").get(0).path("refunds").get(0);
        assertEquals(127000, refundedInFull.path("amountCents").asLong());
        assertEquals("demo-supervisor", refundedInFull.path("by").asText(), "who declined it");
    }

    private static String reconciliation() {
        Api.Reply csv = api.get("/staff/payments/reconciliation.csv?date=" + TestStack.today(), Api.signedInAs("demo-supervisor"));
        assertEquals(200, csv.status(), csv.body());
        return csv.body();
    }
}

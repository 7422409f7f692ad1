package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import io.civicdesk.bookings.BookingHandler;
import io.civicdesk.bookings.BookingPaymentsHandler;
import io.civicdesk.platform.Clocks;
import io.civicdesk.requests.SubmitRequestHandler;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The payment rows, run inside {@link CountingClassLoader} like {@link BookingCallCounts}: a resident's checkout for
 * a booking of the Jarrah shelter (paid online), the webhook that confirms it (signed as the local stand-in for
 * Stripe signs, with the stack's webhook secret), and the same event again (refused as a replay); then a service's
 * fee: a bulk verge collection reported (held for its fee), its checkout, and the webhook that makes the request.
 */
public final class PaymentCallCounts {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private static final String SHELTER = "jarrah-bbq-shelter";

    private PaymentCallCounts() {
    }

    public static List<String[]> run() throws Exception {
        List<String[]> rows = new ArrayList<>();
        BookingHandler bookings = new BookingHandler();
        BookingPaymentsHandler payments = new BookingPaymentsHandler();
        // A Saturday two weeks or more ahead; a warm-up booking first, so each row shows a warm container.
        LocalDate day = LocalDate.now(Clocks.fromConfig()).plusWeeks(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        pay(bookings, payments, day, "08:00", "10:00");
        JsonNode booked = book(bookings, day, "10:00", "12:00");
        String reference = booked.path("reference").asText();
        String key = booked.path("privateLink").asText().replaceFirst(".*#key=", "");
        CallCounter.takeAll();
        JsonNode checkout = call(payments, Events.http("POST /bookings/{reference}/checkout", Map.of("reference", reference),
                Map.of("content-type", "application/json", "x-private-key", key), "{}"), 200);
        rows.add(BookingCallCounts.row("POST /bookings/{reference}/checkout (the booking, its payments, the new payment; 1 call to Stripe)",
                CallCounter.takeAll()));
        String payload = paidEvent(checkout.path("paymentId").asText(), reference, "booking", 2000);
        call(payments, webhook(payload), 200);
        rows.add(BookingCallCounts.row("POST /payments/stripe/webhook, paid (the payment, the booking, one transaction)", CallCounter.takeAll()));
        call(payments, webhook(payload), 409);
        rows.add(BookingCallCounts.row("POST /payments/stripe/webhook, the same event again (refused)", CallCounter.takeAll()));
        serviceFee(new SubmitRequestHandler(), payments, new ArrayList<>());
        serviceFee(new SubmitRequestHandler(), payments, rows);
        return rows;
    }

    /** A bulk verge collection ($45, paid online) reported, its checkout, and its payment; rows only when asked (warm). */
    private static void serviceFee(SubmitRequestHandler reports, BookingPaymentsHandler payments, List<String[]> rows) throws Exception {
        CallCounter.takeAll();
        String body = Json.write(Map.of("serviceId", "bulk-verge", "answers", Map.of("collection-type", "General junk",
                        "items", List.of("Furniture"), "volume", 3), "location", Map.of("address", "41 Banksia Street, Melaleuca WA 6999"),
                "contact", Map.of("name", "Bench Mark", "email", "bench@example.com"), "preferredChannel", "email"));
        APIGatewayV2HTTPResponse reported = reports.handleRequest(Events.http("POST /requests", Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", UUID.randomUUID().toString()), body), new BenchContext("SubmitRequestHandler"));
        if (reported.getStatusCode() != 201) {
            throw new IllegalStateException("the sample report answered " + reported.getStatusCode() + ": " + reported.getBody());
        }
        rows.add(BookingCallCounts.row("POST /requests, a service paid online (held for its fee: the hold, its release-list item)", CallCounter.takeAll()));
        JsonNode held = Json.MAPPER.readTree(reported.getBody());
        String reference = held.path("reference").asText();
        JsonNode checkout = call(payments, Events.http("POST /requests/{reference}/checkout", Map.of("reference", reference),
                Map.of("content-type", "application/json", "x-private-key", held.path("privateLink").asText().replaceFirst(".*#key=", "")), "{}"), 200);
        rows.add(BookingCallCounts.row("POST /requests/{reference}/checkout (the hold, its payments, the new payment; 1 call to Stripe)",
                CallCounter.takeAll()));
        call(payments, webhook(paidEvent(checkout.path("paymentId").asText(), reference, "request", 4500)), 200);
        rows.add(BookingCallCounts.row("POST /payments/stripe/webhook, a fee paid (the hold ended, the request made, one transaction)",
                CallCounter.takeAll()));
    }

    private static void pay(BookingHandler bookings, BookingPaymentsHandler payments, LocalDate day, String from, String to) throws Exception {
        JsonNode booked = book(bookings, day, from, to);
        JsonNode checkout = call(payments, Events.http("POST /bookings/{reference}/checkout", Map.of("reference", booked.path("reference").asText()),
                Map.of("content-type", "application/json", "x-private-key", booked.path("privateLink").asText().replaceFirst(".*#key=", "")), "{}"), 200);
        call(payments, webhook(paidEvent(checkout.path("paymentId").asText(), booked.path("reference").asText(), "booking", 2000)), 200);
    }

    private static JsonNode book(BookingHandler handler, LocalDate day, String from, String to) throws Exception {
        String body = Json.write(Map.of("facilityId", SHELTER, "date", day.toString(), "start", from, "end", to,
                "purpose", "Benchmark", "attendance", 6, "contact", Map.of("name", "Bench Mark", "email", "bench@example.com"),
                "termsAccepted", true));
        APIGatewayV2HTTPResponse response = handler.handleRequest(Events.http("POST /bookings", Map.of(),
                Map.of("content-type", "application/json", "idempotency-key", UUID.randomUUID().toString()), body), new BenchContext("BookingHandler"));
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("the sample booking answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return Json.MAPPER.readTree(response.getBody());
    }

    private static String paidEvent(String paymentId, String reference, String kind, long cents) {
        String id = "evt_bench_" + UUID.randomUUID().toString().replace("-", "");
        return Json.write(Map.of("id", id, "object", "event", "api_version", "2025-07-30.basil",
                "created", Clocks.fromConfig().instant().getEpochSecond(), "type", "checkout.session.completed",
                "data", Map.of("object", Map.of("id", "cs_" + id, "object", "checkout.session", "amount_total", cents, "currency", "aud",
                        "payment_status", "paid", "status", "complete", "payment_intent", "pi_" + id,
                        "metadata", Map.of("civicdesk_payment", paymentId, "civicdesk_kind", kind, "civicdesk_reference", reference)))));
    }

    /** Stripe's signature, t={seconds},v1=HMAC-SHA256("t.payload") with the endpoint's secret, on the stack's clock. */
    private static APIGatewayV2HTTPEvent webhook(String payload) throws Exception {
        long t = Clocks.fromConfig().instant().getEpochSecond();
        String signature = "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(Config.require("STRIPE_WEBHOOK_SECRET"), t + "." + payload);
        return Events.http("POST /payments/stripe/webhook", Map.of(), Map.of("content-type", "application/json",
                "stripe-signature", signature), payload);
    }

    private static JsonNode call(BookingPaymentsHandler handler, APIGatewayV2HTTPEvent event, int expected) throws Exception {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new BenchContext("BookingPaymentsHandler"));
        if (response.getStatusCode() != expected) {
            throw new IllegalStateException(event.getRouteKey() + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return Json.MAPPER.readTree(response.getBody());
    }
}

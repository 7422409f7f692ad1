package io.civicdesk.payments;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Stripe's webhook signatures as Stripe documents them (t=…,v1=hex HMAC-SHA256 of "t.payload" with the endpoint's
 * secret), computed here with the JDK alone, and the events they carry; "now" is given, never the real clock.
 */
class StripePaymentsTest {
    private static final String SECRET = "whsec_test_secret";
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private static final StripePayments STRIPE = new StripePayments("sk_test_unused", SECRET, "http://localhost:9");

    private static String paid(String eventId) {
        return """
                {"id":"%s","object":"event","api_version":"2025-07-30.basil","created":%d,"type":"checkout.session.completed",
                 "data":{"object":{"id":"cs_test_1","object":"checkout.session","amount_total":2000,"currency":"aud",
                 "payment_status":"paid","status":"complete","payment_intent":"pi_test_1",
                 "metadata":{"civicdesk_payment":"pay_1","civicdesk_reference":"K7MP3QXR"}}}}""".formatted(eventId, NOW.getEpochSecond());
    }

    private static String signed(String payload, Instant at, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String t = Long.toString(at.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCompletedCheckoutSignedWithTheSecretIsBelievedAndNamesOurPayment() throws Exception {
        PaymentEvent event = STRIPE.verify(paid("evt_1"), signed(paid("evt_1"), NOW.minusSeconds(30), SECRET), NOW);
        assertEquals(PaymentEvent.Type.PAID, event.type());
        assertEquals("evt_1", event.eventId());
        assertEquals("pay_1", event.paymentId());
        assertEquals("K7MP3QXR", event.reference());
        assertEquals("pi_test_1", event.providerPaymentId());
        assertEquals(2000, event.amountCents());
    }

    @Test
    void anotherSecretATamperedBodyOrNoSignatureIsABadSignature() throws Exception {
        String payload = paid("evt_2");
        assertEquals(WebhookRefused.Reason.BAD_SIGNATURE, assertThrows(WebhookRefused.class,
                () -> STRIPE.verify(payload, signed(payload, NOW, "whsec_other"), NOW)).reason());
        assertEquals(WebhookRefused.Reason.BAD_SIGNATURE, assertThrows(WebhookRefused.class,
                () -> STRIPE.verify(payload.replace("2000", "1"), signed(payload, NOW, SECRET), NOW)).reason());
        assertEquals(WebhookRefused.Reason.BAD_SIGNATURE, assertThrows(WebhookRefused.class, () -> STRIPE.verify(payload, null, NOW)).reason());
        assertEquals(WebhookRefused.Reason.BAD_SIGNATURE, assertThrows(WebhookRefused.class,
                () -> STRIPE.verify(payload, "v1=abc", NOW)).reason());
    }

    @Test
    void aSignatureOlderOrNewerThanTheToleranceIsAReplay() throws Exception {
        String payload = paid("evt_3");
        Instant old = NOW.minus(StripePayments.TOLERANCE).minusSeconds(1);
        assertEquals(WebhookRefused.Reason.REPLAY, assertThrows(WebhookRefused.class,
                () -> STRIPE.verify(payload, signed(payload, old, SECRET), NOW)).reason());
        assertEquals(WebhookRefused.Reason.REPLAY, assertThrows(WebhookRefused.class,
                () -> STRIPE.verify(payload, signed(payload, NOW.plus(Duration.ofMinutes(6)), SECRET), NOW)).reason());
    }

    @Test
    void aSignedEventWeDoNotActOnIsIgnoredAndAnUnreadableOneRefused() throws Exception {
        String other = "{\"id\":\"evt_4\",\"object\":\"event\",\"created\":1,\"type\":\"customer.created\",\"data\":{\"object\":{\"id\":\"cus_1\",\"object\":\"customer\"}}}";
        assertEquals(PaymentEvent.Type.IGNORED, STRIPE.verify(other, signed(other, NOW, SECRET), NOW).type());
        assertEquals(WebhookRefused.Reason.UNREADABLE, assertThrows(WebhookRefused.class,
                () -> STRIPE.verify("not json", signed("not json", NOW, SECRET), NOW)).reason());
    }
}

package io.civicdesk.payments;

import com.stripe.StripeClient;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Stripe, through its own Java library: a Checkout Session (Stripe's hosted page) per payment, refunds against the
 * payment intent, and webhooks checked as Stripe signs them ({@code Stripe-Signature: t=…,v1=…}, HMAC-SHA256 of
 * "{t}.{payload}" with the endpoint's secret). The secret key and the webhook secret come from configuration,
 * never from code, and are never logged. {@code apiBase} is https://api.stripe.com, or the local stand-in.
 */
public final class StripePayments implements PaymentProvider {
    /** Stripe's own default: a signed event older (or newer) than this is taken for a replay. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final String PAYMENT_ID = "civicdesk_payment";
    static final String REFERENCE = "civicdesk_reference";
    static final String KIND = "civicdesk_kind";

    /** What the resident is told when Stripe times out or fails (503): nothing was taken, and what to do. */
    static final String UNAVAILABLE = "The payment service is not answering just now. Nothing has been charged and what you"
            + " are paying for is still held for you: please try again in a few minutes.";

    private final StripeClient client;
    private final String webhookSecret;

    public StripePayments(String secretKey, String webhookSecret, String apiBase) {
        this.client = StripeClient.builder().setApiKey(secretKey).setApiBase(apiBase).setMaxNetworkRetries(2)
                .setConnectTimeout(3000).setReadTimeout(10000).build();
        this.webhookSecret = webhookSecret;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Checkout checkout(CheckoutRequest request) {
        Map<String, String> ours = Map.of(PAYMENT_ID, request.paymentId(), KIND, request.kind(), REFERENCE, request.reference());
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(request.reference())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setExpiresAt(request.expiresAt().getEpochSecond())
                .putAllMetadata(ours)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(ours).build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("aud")
                                .setUnitAmount(request.amountCents())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description()).build()).build()).build())
                .build();
        try {
            Session session = client.checkout().sessions().create(params,
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
            return new Checkout(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw unavailable("checkout", e);
        }
    }

    @Override
    public PaymentEvent verify(String payload, String signatureHeader, Instant now) {
        if (payload == null || signatureHeader == null || signatureHeader.isBlank()) {
            throw new WebhookRefused(WebhookRefused.Reason.BAD_SIGNATURE, "No Stripe-Signature header");
        }
        long signedAt = timestamp(signatureHeader);
        try {
            // The signature alone (tolerance 0); the time is checked below against our own clock.
            Webhook.Signature.verifyHeader(payload, signatureHeader, webhookSecret, 0);
        } catch (SignatureVerificationException e) {
            throw new WebhookRefused(WebhookRefused.Reason.BAD_SIGNATURE, "The signature does not match");
        }
        if (Math.abs(now.getEpochSecond() - signedAt) > TOLERANCE.toSeconds()) {
            throw new WebhookRefused(WebhookRefused.Reason.REPLAY, "Signed outside the tolerance");
        }
        try {
            return event(Webhook.constructEvent(payload, signatureHeader, webhookSecret, 0));
        } catch (RuntimeException | EventDataObjectDeserializationException | SignatureVerificationException e) {
            throw new WebhookRefused(WebhookRefused.Reason.UNREADABLE, "Not a Stripe event");
        }
    }

    private static PaymentEvent event(Event event) throws EventDataObjectDeserializationException {
        Instant created = Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated());
        StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
        if (object instanceof Session session) {
            PaymentEvent.Type type = switch (event.getType()) {
                case "checkout.session.completed" -> "paid".equals(session.getPaymentStatus()) ? PaymentEvent.Type.PAID : PaymentEvent.Type.IGNORED;
                case "checkout.session.async_payment_succeeded" -> PaymentEvent.Type.PAID;
                case "checkout.session.async_payment_failed" -> PaymentEvent.Type.FAILED;
                case "checkout.session.expired" -> PaymentEvent.Type.EXPIRED;
                default -> PaymentEvent.Type.IGNORED;
            };
            Map<String, String> metadata = session.getMetadata() == null ? Map.of() : session.getMetadata();
            return new PaymentEvent(event.getId(), type, metadata.get(PAYMENT_ID), kind(metadata), metadata.get(REFERENCE), session.getPaymentIntent(),
                    session.getAmountTotal() == null ? 0 : session.getAmountTotal(), null, created);
        }
        if (object instanceof PaymentIntent intent && "payment_intent.payment_failed".equals(event.getType())) {
            Map<String, String> metadata = intent.getMetadata() == null ? Map.of() : intent.getMetadata();
            String code = intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getCode();
            return new PaymentEvent(event.getId(), PaymentEvent.Type.FAILED, metadata.get(PAYMENT_ID), kind(metadata), metadata.get(REFERENCE),
                    intent.getId(), intent.getAmount() == null ? 0 : intent.getAmount(), code, created);
        }
        return new PaymentEvent(event.getId(), PaymentEvent.Type.IGNORED, null, null, null, null, 0, null, created);
    }

    private static String kind(Map<String, String> metadata) {
        return metadata.getOrDefault(KIND, "booking");
    }

    @Override
    public ProviderRefund refund(String providerPaymentId, long amountCents, String idempotencyKey) {
        try {
            var refund = client.refunds().create(RefundCreateParams.builder().setPaymentIntent(providerPaymentId)
                    .setAmount(amountCents).build(), RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return new ProviderRefund(refund.getId(), refund.getStatus());
        } catch (StripeException e) {
            throw unavailable("refund", e);
        }
    }

    @Override
    public void expireCheckout(String sessionId) {
        try {
            client.checkout().sessions().expire(sessionId);
        } catch (StripeException e) {
            // Paid or expired meanwhile: a payment that lands after all is refunded when its webhook comes.
            Log.info("payments.checkout-not-expired", Map.of("code", String.valueOf(e.getCode()), "requestId", String.valueOf(e.getRequestId())));
        }
    }

    /** The t= of a Stripe-Signature header; a header without one is not Stripe's. */
    private static long timestamp(String header) {
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t") && pair[1].matches("\\d{1,12}")) {
                return Long.parseLong(pair[1]);
            }
        }
        throw new WebhookRefused(WebhookRefused.Reason.BAD_SIGNATURE, "No timestamp in the signature");
    }

    private static Refusal unavailable(String call, StripeException e) {
        // Stripe's code and request id help support; the message may echo what was sent, so it stays out of the log.
        Log.info("payments.provider-failed", Map.of("call", call, "code", String.valueOf(e.getCode()),
                "requestId", String.valueOf(e.getRequestId())));
        return new Refusal(Refusal.Kind.UNAVAILABLE, UNAVAILABLE);
    }
}

package io.civicdesk.payments;

import java.time.Instant;

/**
 * The port every payment provider is reached through. The resident pays on the provider's own hosted page (the card
 * never touches the council's code); the provider tells us by a signed webhook. Amounts are AUD cents. Each call that
 * moves money carries an idempotency key, so a retried call never charges or refunds twice.
 */
public interface PaymentProvider {
    /** A hosted checkout for one payment, valid until {@code expiresAt}. */
    record CheckoutRequest(String paymentId, String kind, String reference, long amountCents, String description, String successUrl,
                           String cancelUrl, Instant expiresAt, String idempotencyKey) {
    }

    record Checkout(String sessionId, String url) {
    }

    record ProviderRefund(String id, String state) {
    }

    String name();

    Checkout checkout(CheckoutRequest request);

    /**
     * The event a webhook carries, once its signature is checked against the shared secret and its timestamp is
     * within the tolerance of {@code now}.
     *
     * @throws WebhookRefused when it is not signed by the provider, too old or too new, or unreadable
     */
    PaymentEvent verify(String payload, String signatureHeader, Instant now);

    ProviderRefund refund(String providerPaymentId, long amountCents, String idempotencyKey);

    /** Closes a hosted checkout nobody paid on, so it cannot be paid any more (the hold it was for has ended). */
    void expireCheckout(String sessionId);
}

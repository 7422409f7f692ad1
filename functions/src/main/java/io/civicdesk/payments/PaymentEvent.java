package io.civicdesk.payments;

import java.time.Instant;

/**
 * A verified webhook event, as the port sees it whatever the provider: a payment that completed, failed or whose
 * checkout expired, naming our payment and its subject (as the checkout was created with them): {@code kind} is
 * "booking" or "request"; a checkout made before kinds were sent is a booking's.
 */
public record PaymentEvent(String eventId, Type type, String paymentId, String kind, String reference, String providerPaymentId,
                           long amountCents, String failureCode, Instant createdAt) {
    public enum Type { PAID, FAILED, EXPIRED, IGNORED }
}

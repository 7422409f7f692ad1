package io.civicdesk.payments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One payment for one booking (or request): an amount in AUD cents, the part of it that is a bond, where it stands,
 * how it was taken ("online" through the provider's hosted page, or "counter" by an officer on the resident's
 * behalf, {@code takenBy} naming them), and every attempt and refund made against it. No card details ever: the
 * provider holds those, this keeps only its ids. {@code version} guards every change (conditional write).
 */
public record Payment(String id, String kind, String reference, long amountCents, long bondCents, State state, String method,
                      String takenBy, String sessionId, String checkoutUrl, String providerPaymentId, Instant createdAt,
                      Instant expiresAt, Instant paidAt, List<Attempt> attempts, List<Refund> refunds, long version) {

    public static final String ONLINE = "online";
    public static final String COUNTER = "counter";
    /** A refund's reason when it gives back the bond after the booking. */
    public static final String BOND = "bond";
    public static final String CANCELLED = "cancelled";

    public enum State { OPEN, PAID, EXPIRED }

    /** What happened at one step: the checkout created, declined, expired, paid. {@code detail} is a provider code, never personal. */
    public record Attempt(Instant at, String outcome, String detail) {
    }

    /** Money given back: all of it on a cancellation, or the bond once released. */
    public record Refund(String id, long amountCents, String reason, String providerRefundId, String state, Instant at, String by) {
    }

    public Payment {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    public static Payment opened(String id, String kind, String reference, long amountCents, long bondCents, Instant now,
                                 Instant expiresAt) {
        return new Payment(id, kind, reference, amountCents, bondCents, State.OPEN, ONLINE, null, null, null, null, now,
                expiresAt, null, List.of(), List.of(), 1);
    }

    public long refundedCents() {
        return refunds.stream().filter(r -> !"failed".equals(r.state())).mapToLong(Refund::amountCents).sum();
    }

    /** What was paid and not given back. */
    public long heldCents() {
        return state == State.PAID ? amountCents - refundedCents() : 0;
    }

    public boolean bondReleased() {
        return refunds.stream().anyMatch(r -> BOND.equals(r.reason()) && !"failed".equals(r.state()));
    }

    public Payment withCheckout(String newSessionId, String url) {
        return new Payment(id, kind, reference, amountCents, bondCents, state, method, takenBy, newSessionId, url, providerPaymentId,
                createdAt, expiresAt, paidAt, append(attempts, new Attempt(createdAt, "checkout-created", null)), refunds, version);
    }

    public Payment paid(String method, String takenBy, String providerPaymentId, Instant at) {
        return new Payment(id, kind, reference, amountCents, bondCents, State.PAID, method, takenBy, sessionId, checkoutUrl,
                providerPaymentId, createdAt, expiresAt, at, append(attempts, new Attempt(at, "paid", null)), refunds, version + 1);
    }

    public Payment attempted(String outcome, String detail, Instant at) {
        State next = "expired".equals(outcome) && state == State.OPEN ? State.EXPIRED : state;
        return new Payment(id, kind, reference, amountCents, bondCents, next, method, takenBy, sessionId, checkoutUrl,
                providerPaymentId, createdAt, expiresAt, paidAt, append(attempts, new Attempt(at, outcome, detail)), refunds, version + 1);
    }

    public Payment refunded(Refund refund) {
        return new Payment(id, kind, reference, amountCents, bondCents, state, method, takenBy, sessionId, checkoutUrl,
                providerPaymentId, createdAt, expiresAt, paidAt, attempts, append(refunds, refund), version + 1);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return longer;
    }
}

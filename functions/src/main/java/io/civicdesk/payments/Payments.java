package io.civicdesk.payments;

import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Write;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Paying for something through the {@link PaymentProvider} port, whatever is paid for ({@code kind} "booking", a
 * reference): a hosted checkout, the webhook that confirms it, a payment taken at the counter, and refunds. What
 * changes a payment comes back as {@link Write}s, for the caller to commit with the change to what it pays for.
 * Logs name payments, references and amounts only: never a name, an email or anything from the card.
 */
public final class Payments {
    private final PaymentProvider provider;
    private final PaymentStore store;
    private final SecureRandom random;
    private final Supplier<ZoneId> council;

    public Payments(PaymentProvider provider, PaymentStore store, SecureRandom random, Supplier<ZoneId> council) {
        this.provider = provider;
        this.store = store;
        this.random = random;
        this.council = council;
    }

    public List<Payment> of(String kind, String reference) {
        return store.of(kind, reference);
    }

    /**
     * A hosted checkout for the amount, its page valid until {@code expiresAt}; the payment recorded as open once the
     * provider has made it. The subject's next payment (after the {@code earlier} ones) has the same id on every try,
     * so a try after the provider timed out or failed asks it again under the same idempotency key: a session it
     * made meanwhile is answered again, never made twice, and nothing is written until it answers.
     */
    public Payment open(String kind, String reference, int earlier, long amountCents, long bondCents, String description,
                        String successUrl, String cancelUrl, Instant now, Instant expiresAt) {
        if (amountCents <= 0) {
            throw Refusal.conflict("There is nothing to pay.");
        }
        String id = "pay_" + Hashes.sha256(kind + "#" + reference + "#" + earlier).substring(0, 20);
        Payment payment = Payment.opened(id, kind, reference, amountCents, bondCents, now, expiresAt);
        PaymentProvider.Checkout checkout = provider.checkout(new PaymentProvider.CheckoutRequest(payment.id(), kind, reference,
                amountCents, description, successUrl, cancelUrl, expiresAt, "checkout-" + payment.id()));
        Payment opened = payment.withCheckout(checkout.sessionId(), checkout.url());
        store.create(opened);
        Log.info("payment.checkout-created", Map.of("paymentId", opened.id(), "reference", reference, "amountCents", amountCents));
        return opened;
    }

    /** The webhook's event, believed; 400 (logged, with no payload) when it is not. */
    public PaymentEvent verify(String payload, String signatureHeader, Instant now) {
        try {
            return provider.verify(payload, signatureHeader, now);
        } catch (WebhookRefused refused) {
            Log.info("payment.webhook-refused", Map.of("provider", provider.name(), "reason", refused.reason().name()));
            throw Refusal.invalid(List.of(new FieldError("Stripe-Signature", refused.getMessage())));
        }
    }

    /** The payment an event names; 404 (logged) when it names none of ours. */
    public Payment named(String kind, PaymentEvent event) {
        Payment payment = event.paymentId() == null || event.reference() == null ? null
                : store.find(kind, event.reference(), event.paymentId()).orElse(null);
        if (payment == null) {
            Log.info("payment.webhook-refused", Map.of("provider", provider.name(), "reason", "UNKNOWN_PAYMENT",
                    "eventId", String.valueOf(event.eventId())));
            throw Refusal.notFound("No such payment.");
        }
        return payment;
    }

    /** The event's writes: taken once; a payment paid, or an attempt that failed or expired, recorded. */
    public Applied apply(Payment payment, PaymentEvent event, Instant now) {
        Write taken = store.eventTaken(provider.name(), event.eventId(), now);
        if (event.type() == PaymentEvent.Type.PAID && payment.state() != Payment.State.PAID) {
            if (event.amountCents() != payment.amountCents()) {
                Log.info("payment.amount-mismatch", Map.of("paymentId", payment.id(), "paidCents", event.amountCents(),
                        "dueCents", payment.amountCents()));
            }
            Payment paid = payment.paid(Payment.ONLINE, null, event.providerPaymentId(), now);
            return new Applied(paid, true, List.of(taken, store.put(paid, payment), ledger(paid, "payment", paid.amountCents(), now)));
        }
        if (event.type() == PaymentEvent.Type.FAILED || event.type() == PaymentEvent.Type.EXPIRED) {
            Payment attempted = payment.attempted(event.type() == PaymentEvent.Type.FAILED ? "declined" : "expired",
                    event.failureCode(), now);
            return new Applied(attempted, false, List.of(taken, store.put(attempted, payment)));
        }
        // Paid already (another event for the same payment), or an event we do not act on: taken, counted once.
        return new Applied(payment, false, List.of(taken));
    }

    /** What an event does: the payment after it, whether it was paid by it just now, and the writes. */
    public record Applied(Payment payment, boolean newlyPaid, List<Write> writes) {
    }

    /** An officer takes the payment on the resident's behalf (card at the counter, cash): recorded as theirs. */
    public Applied atCounter(String kind, String reference, long amountCents, long bondCents, String staffId, Instant now) {
        if (amountCents <= 0) {
            throw Refusal.conflict("There is nothing to pay.");
        }
        Payment paid = Payment.opened(newId(), kind, reference, amountCents, bondCents, now, null)
                .paid(Payment.COUNTER, staffId, null, now);
        Log.info("payment.counter", Map.of("paymentId", paid.id(), "reference", reference, "amountCents", amountCents, "by", staffId));
        return new Applied(paid, true, List.of(store.put(paid, null), ledger(paid, "payment", amountCents, now)));
    }

    /**
     * Gives back {@code amountCents} of a paid payment: through the provider for an online payment (its idempotency
     * key the payment and how many refunds it had, so a retry refunds once), or to be handed back at the counter.
     */
    public List<Write> refund(Payment payment, long amountCents, String reason, String by, Instant now) {
        if (amountCents <= 0 || amountCents > payment.heldCents()) {
            throw Refusal.conflict("Only what was paid and not yet given back can be refunded.");
        }
        String refundId = payment.id() + "-r" + (payment.refunds().size() + 1);
        Payment.Refund refund;
        if (Payment.ONLINE.equals(payment.method())) {
            PaymentProvider.ProviderRefund given = provider.refund(payment.providerPaymentId(), amountCents, refundId);
            refund = new Payment.Refund(refundId, amountCents, reason, given.id(), given.state(), now, by);
        } else {
            refund = new Payment.Refund(refundId, amountCents, reason, null, "at-counter", now, by);
        }
        Log.info("payment.refunded", Map.of("paymentId", payment.id(), "reference", payment.reference(), "amountCents", amountCents,
                "reason", reason));
        Payment after = payment.refunded(refund);
        return List.of(store.put(after, payment), ledger(after, "refund-" + payment.refunds().size(), -amountCents, now));
    }

    /** An open checkout whose hold has ended: closed at the provider, and its lapse recorded with what ends the hold. */
    public Write lapse(Payment payment, Instant now) {
        provider.expireCheckout(payment.sessionId());
        return store.put(payment.attempted("expired", "hold-ended", now), payment);
    }

    /** Taken on now to be paid later at the counter: listed by the day's reconciliation until it is. */
    public Write owed(String kind, String reference, long amountCents, Instant now) {
        return store.owed(today(now), new PaymentStore.Owed(now, kind, reference, amountCents));
    }

    /** What was taken on that day to be paid at the counter. */
    public List<PaymentStore.Owed> owedOn(LocalDate day) {
        return store.owedOn(day);
    }

    /** The day's ledger, in the council's time. */
    public List<PaymentStore.LedgerLine> day(LocalDate day) {
        return store.day(day);
    }

    /** When the day begins, in the council's time. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(council.get()).toInstant();
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, council.get());
    }

    private Write ledger(Payment payment, String entry, long amountCents, Instant now) {
        return store.ledger(today(now), new PaymentStore.LedgerLine(now, payment.id(), entry, payment.kind(), payment.reference(),
                amountCents, payment.method()));
    }

    private String newId() {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        return "pay_" + HexFormat.of().formatHex(bytes);
    }
}

package io.civicdesk.payments;

import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.FeeHold;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.requests.FeeHoldStore;
import io.civicdesk.requests.PaidServiceRequests;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.SubmitRequestService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Paying a service's fee at the end of the report, through the same port and hosted page as bookings: the held
 * report's checkout; the webhook that makes the request from its hold in the same transaction as the payment (so a
 * request exists only paid, and is made once); the release of a hold unpaid in time. A payment that lands after its
 * hold was released is given back at once.
 */
public final class RequestFees {
    public static final String KIND = "request";
    /** A refund's reason when the fee landed after its report was released. */
    public static final String PAID_AFTER_HOLD = "paid-after-hold";
    /** A refund's reason when the fee landed for a hold from before holds kept their service, and the service is gone. */
    public static final String SERVICE_WITHDRAWN = "service-withdrawn";
    private static final Duration PROVIDER_MINIMUM = Duration.ofMinutes(31);

    /** Why staff give a fee back once its request exists: withdrawn by the resident, not the council's to do, not done. */
    public static final List<String> REFUND_REASONS = List.of("withdrawn", "not-ours", "not-done");

    private final SubmitRequestService reports;
    private final PaidServiceRequests requests;
    private final Payments payments;
    private final Transactions transactions;
    private final Clock clock;
    private final String portalUrl;

    public RequestFees(SubmitRequestService reports, PaidServiceRequests requests, Payments payments, Transactions transactions,
                       Clock clock, String portalUrl) {
        this.reports = reports;
        this.requests = requests;
        this.payments = payments;
        this.transactions = transactions;
        this.clock = clock;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** The resident's checkout for a held report (its private key in {@code secret}): the open one, or a new one. */
    public Map<String, Object> checkout(String typedReference, String secret) {
        Reference reference = Reference.parse(typedReference == null ? "" : typedReference)
                .orElseThrow(() -> Refusal.notFound("No report is waiting for payment with that reference."));
        FeeHold hold = reports.awaitingPayment(reference).filter(h -> secret != null && Hashes.matches(secret, h.secretHash()))
                .orElseThrow(() -> Refusal.notFound("No report is waiting for payment with that reference."));
        Instant now = clock.instant();
        if (!now.isBefore(hold.payBy())) {
            throw Refusal.conflict("The time to pay for this report has passed. Please report it again.");
        }
        String ref = reference.value();
        List<Payment> earlier = payments.of(KIND, ref);
        Payment open = earlier.stream().filter(p -> p.state() == Payment.State.OPEN && p.checkoutUrl() != null
                && p.expiresAt().isAfter(now)).max(Comparator.comparing(Payment::createdAt)).orElse(null);
        if (open == null) {
            String back = portalUrl + "/track.html?ref=" + ref + "&paid=";
            Instant until = hold.payBy().isBefore(now.plus(PROVIDER_MINIMUM)) ? now.plus(PROVIDER_MINIMUM) : hold.payBy();
            open = payments.open(KIND, ref, earlier.size(), hold.amountCents(), 0, hold.serviceName() + " " + reference.display(),
                    back + "1", portalUrl + "/report.html?service=" + hold.serviceId() + "&unpaid=" + ref, now, until);
        }
        return Map.of("checkoutUrl", open.checkoutUrl(), "paymentId", open.id(), "payBy", hold.payBy().toString());
    }

    /** A verified event for a request's payment: 404 for a payment not ours, 409 for an event already taken. */
    public Map<String, Object> webhook(PaymentEvent event) {
        Instant now = clock.instant();
        Payment payment = payments.named(KIND, event);
        FeeHold hold = reports.awaitingPayment(new Reference(payment.reference())).orElse(null);
        Payments.Applied applied = payments.apply(payment, event, now);
        Optional<IdempotentCommand.Prepared> request = applied.newlyPaid() && hold != null ? reports.paid(hold, now) : Optional.empty();
        boolean takesOn = request.isPresent();
        List<Write> writes = new ArrayList<>(applied.writes());
        request.ifPresent(made -> writes.addAll(made.writes()));
        if (applied.newlyPaid() && hold != null && !takesOn) {
            writes.addAll(reports.withdrawn(hold));
        }
        try {
            transactions.commit(writes);
        } catch (Refused refused) {
            boolean replay = refused.failed().contains(PaymentStore.EVENT);
            Log.info("payment.webhook-refused", Map.of("reason", replay ? "REPLAY" : "CHANGED", "eventId", event.eventId()));
            throw Refusal.conflict(replay ? "This event was already taken." : "The report changed meanwhile; send the event again.");
        }
        if (takesOn) {
            request.get().afterCommit().run();
        } else if (applied.newlyPaid()) {
            // Paid after its hold was released (or for a service gone from the catalogue): nothing to take on, so given back at once.
            transactions.commit(payments.refund(applied.payment(), applied.payment().heldCents(),
                    hold == null ? PAID_AFTER_HOLD : SERVICE_WITHDRAWN, null, now));
        }
        Log.info("payment.webhook", Map.of("eventId", event.eventId(), "type", event.type().name(), "paymentId", payment.id(),
                "reference", payment.reference(), "confirmed", takesOn));
        return Map.of("received", true, "confirmed", takesOn);
    }

    /**
     * Staff give a request's fee back (withdrawn, not the council's, not done): everything still held, through the
     * provider for an online payment (its refund key fixed, so a retry refunds once) or to hand back at the counter,
     * recorded with the request's payments and who gave it, each conditional on the payment's version. Asked again
     * once nothing is held, it answers the same fee, refunded, and gives nothing more.
     */
    public Map<String, Object> refund(String typedReference, String reason, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        if (reason == null || !REFUND_REASONS.contains(reason)) {
            throw Refusal.invalid("reason", "Say why the fee is given back: one of " + String.join(", ", REFUND_REASONS) + ".");
        }
        ServiceRequest request = existing(typedReference);
        String ref = request.reference().value();
        List<Payment> fees = payments.of(KIND, ref);
        List<Payment> held = fees.stream().filter(p -> p.heldCents() > 0).toList();
        if (held.isEmpty() && fees.stream().noneMatch(p -> !p.refunds().isEmpty())) {
            throw Refusal.conflict("No fee was paid for this request here, so there is nothing to give back.");
        }
        Instant now = clock.instant();
        List<Write> writes = new ArrayList<>();
        held.forEach(p -> writes.addAll(payments.refund(p, p.heldCents(), reason, staff.id(), now)));
        commitOrConflict(writes);
        return view(ref, !held.isEmpty());
    }

    /**
     * An officer takes a request's fee at the counter (a walk-in, or a caller's card over the phone) on the
     * resident's behalf, as for a booking: what its service's fee is, less what is already held, recorded as theirs.
     */
    public Map<String, Object> atCounter(String typedReference, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        ServiceRequest request = existing(typedReference);
        String ref = request.reference().value();
        long fee = requests.feeOf(request);
        long held = payments.of(KIND, ref).stream().mapToLong(Payment::heldCents).sum();
        if (fee == 0) {
            throw Refusal.conflict("The " + request.serviceName() + " has no fee paid here: take it as before.");
        }
        if (held >= fee) {
            throw Refusal.conflict("This request's fee is paid already.");
        }
        commitOrConflict(payments.atCounter(KIND, ref, fee - held, 0, staff.id(), clock.instant()).writes());
        return view(ref, true);
    }

    /** A request's fee: what it costs now, every payment, attempt and refund, and what is held. */
    public Map<String, Object> staffView(String typedReference, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        return view(existing(typedReference).reference().value(), false);
    }

    private Map<String, Object> view(String ref, boolean changed) {
        List<Payment> fees = payments.of(KIND, ref);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", ref);
        view.put("feeCents", requests.find(ref).map(requests::feeOf).orElse(0L));
        view.put("heldCents", fees.stream().mapToLong(Payment::heldCents).sum());
        view.put("changed", changed);
        view.put("payments", fees);
        return view;
    }

    private ServiceRequest existing(String typedReference) {
        return requests.find(typedReference == null ? "" : typedReference)
                .orElseThrow(() -> Refusal.notFound("No request with that reference."));
    }

    private void commitOrConflict(List<Write> writes) {
        try {
            transactions.commit(writes);
        } catch (Refused changed) {
            throw Refusal.conflict("Someone else has just acted on this fee. Reload it.");
        }
    }

    /** The requests of paid services, as the reconciliation sets them beside the payments. */
    public PaidServiceRequests requests() {
        return requests;
    }

    /** What the release sweep did. */
    public record Released(int released) {
    }

    /**
     * Holds unpaid in time: each released with its mail, and its open checkout closed at the provider and recorded as
     * lapsed, in one transaction; a hold paid meanwhile (its items gone) is left to its payment.
     */
    public Released releaseUnpaid() {
        Instant now = clock.instant();
        int released = 0;
        for (FeeHold hold : reports.unpaid(now, 100)) {
            List<Write> writes = new ArrayList<>(reports.released(hold, now));
            payments.of(KIND, hold.reference().value()).stream().filter(p -> p.state() == Payment.State.OPEN)
                    .forEach(open -> writes.add(payments.lapse(open, now)));
            try {
                transactions.commit(writes);
                released++;
                Log.info("request.fee-hold-released", Map.of("reference", hold.reference().value(), "serviceId", hold.serviceId()));
            } catch (Refused changed) {
                if (!changed.failed().contains(FeeHoldStore.HOLD)) {
                    throw changed;
                }
            }
        }
        return new Released(released);
    }
}

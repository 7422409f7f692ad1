package io.civicdesk.bookings;

import io.civicdesk.notify.Outgoing;
import io.civicdesk.payments.Payment;
import io.civicdesk.payments.PaymentEvent;
import io.civicdesk.payments.PaymentStore;
import io.civicdesk.payments.Payments;
import io.civicdesk.payments.RequestFees;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Paying for a booking of a facility paid online: the resident is sent to the provider's hosted page at the end of
 * booking, the slots held for {@link #PAY_WITHIN}; the signed webhook confirms the payment and the booking in one
 * transaction (an event or a payment taken twice is written once); an officer may take the payment at the counter
 * instead; a supervisor releases the bond once the booking has taken place. Refunds on cancellation are
 * {@link BookingChanges#end}'s; expiry of an unpaid hold is the sweep's.
 */
public final class BookingPayments {
    public static final String KIND = "booking";
    static final String QUEUE = "payment";
    /** How long the slots are held for a resident paying; the provider's page stays open at least 30 minutes. */
    static final Duration PAY_WITHIN = Duration.ofMinutes(40);
    private static final Duration PROVIDER_MINIMUM = Duration.ofMinutes(31);

    private final BookingChanges changes;
    private final Payments payments;
    private final Transactions transactions;
    private final RequestFees requestFees;

    BookingPayments(BookingChanges changes, Transactions transactions, RequestFees requestFees) {
        this.changes = changes;
        this.payments = changes.payments;
        this.transactions = transactions;
        this.requestFees = requestFees;
    }

    static boolean paidOnline(Facility facility, Quote quote) {
        return facility.rules().fee().payOnline() && quote.totalCents() > 0;
    }

    /** The resident's checkout: the open one, or a new one, until the hold ends. */
    public Map<String, Object> checkout(String typedReference, String secret) {
        Booking booking = changes.own(typedReference, secret);
        Instant now = changes.clock.instant();
        if (booking.status() != BookingStatus.PAYING) {
            throw Refusal.conflict("This booking is " + booking.status().label().toLowerCase() + ": there is nothing to pay.");
        }
        if (!now.isBefore(booking.holdExpiresAt())) {
            throw Refusal.conflict("The time to pay for this booking has passed, and its time has been released. Please book again.");
        }
        String ref = booking.reference().value();
        List<Payment> earlier = payments.of(KIND, ref);
        Payment open = earlier.stream().filter(p -> p.state() == Payment.State.OPEN && p.checkoutUrl() != null
                && p.expiresAt().isAfter(now)).max(Comparator.comparing(Payment::createdAt)).orElse(null);
        if (open == null) {
            String back = changes.portalLink(booking) + "&paid=";
            Instant until = booking.holdExpiresAt().isBefore(now.plus(PROVIDER_MINIMUM)) ? now.plus(PROVIDER_MINIMUM) : booking.holdExpiresAt();
            open = payments.open(KIND, ref, earlier.size(), booking.quote().totalCents(), booking.quote().bondCents(),
                    booking.facilityName() + " booking " + booking.reference().display(), back + "1", back + "0", now, until);
        }
        return Map.of("checkoutUrl", open.checkoutUrl(), "paymentId", open.id(), "payBy", booking.holdExpiresAt().toString());
    }

    /**
     * A signed webhook: 400 when not believed, 404 for a payment not ours, 409 for an event already taken. One
     * endpoint for everything paid: an event for a service's fee is {@link RequestFees}'.
     */
    public Map<String, Object> webhook(String payload, String signature) {
        Instant now = changes.clock.instant();
        PaymentEvent event = payments.verify(payload, signature, now);
        if (event.type() == PaymentEvent.Type.IGNORED) {
            return Map.of("received", true);
        }
        if (RequestFees.KIND.equals(event.kind())) {
            return requestFees.webhook(event);
        }
        Payment payment = payments.named(KIND, event);
        Booking booking = changes.find(payment.reference());
        Payments.Applied applied = payments.apply(payment, event, now);
        boolean confirms = applied.newlyPaid() && booking.status() == BookingStatus.PAYING;
        try {
            if (confirms) {
                confirm(booking, applied.writes(), now);
            } else {
                transactions.commit(applied.writes());
            }
        } catch (Refused refused) {
            boolean replay = refused.failed().contains(PaymentStore.EVENT);
            Log.info("payment.webhook-refused", Map.of("reason", replay ? "REPLAY" : "CHANGED", "eventId", event.eventId()));
            throw Refusal.conflict(replay ? "This event was already taken." : "The booking changed meanwhile; send the event again.");
        }
        if (applied.newlyPaid() && !confirms) {
            // Paid after the hold ended (or the booking was cancelled meanwhile): given back at once.
            transactions.commit(payments.refund(applied.payment(), applied.payment().heldCents(), "paid-after-hold", null, now));
        }
        Log.info("payment.webhook", Map.of("eventId", event.eventId(), "type", event.type().name(), "paymentId", payment.id(),
                "reference", payment.reference(), "confirmed", confirms));
        return Map.of("received", true, "confirmed", confirms);
    }

    /** The officer takes what is still to pay, on the resident's behalf; a booking waiting for it is confirmed. */
    public Map<String, Object> atCounter(String typedReference, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = changes.find(typedReference);
        BookingChanges.requireActive(booking);
        if (!changes.facilities.require(booking.facilityId()).rules().fee().payOnline()) {
            throw Refusal.conflict("The " + booking.facilityName() + "'s fees are not taken here: invoice them as before.");
        }
        Instant now = changes.clock.instant();
        long held = payments.of(KIND, booking.reference().value()).stream().mapToLong(Payment::heldCents).sum();
        long due = booking.quote() == null ? 0 : booking.quote().totalCents() - held;
        Payments.Applied applied = payments.atCounter(KIND, booking.reference().value(), due, booking.quote().bondCents(), staff.id(), now);
        try {
            if (booking.status() == BookingStatus.PAYING) {
                confirm(booking, applied.writes(), now);
            } else {
                transactions.commit(applied.writes());
            }
        } catch (Refused changed) {
            throw Refusal.conflict("Someone else has just acted on this booking. Reload it.");
        }
        return staffView(booking.reference().value(), staff);
    }

    /** The bond back to the hirer, once the booking has taken place and a supervisor says so. */
    public Map<String, Object> releaseBond(String typedReference, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = changes.find(typedReference);
        Instant now = changes.clock.instant();
        if (booking.status() != BookingStatus.CONFIRMED || booking.lastEnd().isAfter(now)) {
            throw Refusal.conflict("A bond is released once its booking has taken place.");
        }
        Payment withBond = payments.of(KIND, booking.reference().value()).stream()
                .filter(p -> p.bondCents() > 0 && !p.bondReleased() && p.heldCents() >= p.bondCents()).findFirst()
                .orElseThrow(() -> Refusal.conflict("This booking has no bond held."));
        try {
            transactions.commit(payments.refund(withBond, withBond.bondCents(), Payment.BOND, staff.id(), now));
        } catch (Refused changed) {
            throw Refusal.conflict("Someone else has just acted on this payment. Reload it.");
        }
        return staffView(booking.reference().value(), staff);
    }

    /** What the staff booking page shows: every payment, attempt and refund, and what is held and still due. */
    public Map<String, Object> staffView(String typedReference, StaffCaller staff) {
        staff.requireAny(StaffCaller.Role.OFFICER, StaffCaller.Role.SUPERVISOR, StaffCaller.Role.ADMIN);
        Booking booking = changes.find(typedReference);
        List<Payment> all = payments.of(KIND, booking.reference().value());
        long held = all.stream().mapToLong(Payment::heldCents).sum();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference", booking.reference().value());
        view.put("status", booking.status().wireName());
        view.put("totalCents", booking.quote() == null ? 0 : booking.quote().totalCents());
        view.put("heldCents", held);
        view.put("dueCents", BookingStatus.PAYING == booking.status() && booking.quote() != null ? booking.quote().totalCents() - held : 0);
        view.put("bondCents", booking.quote() == null ? 0 : booking.quote().bondCents());
        view.put("bondReleased", all.stream().anyMatch(Payment::bondReleased));
        view.put("payments", all);
        return view;
    }

    /** Paid: the booking confirmed (or held for approval), its mail sent, in the same transaction as the payment's writes. */
    private void confirm(Booking booking, List<Write> paymentWrites, Instant now) {
        Facility facility = changes.facilities.require(booking.facilityId());
        boolean approval = facility.rules().approvalRequired();
        Booking paid = booking.paid(approval ? BookingStatus.HELD : BookingStatus.CONFIRMED, !approval ? null
                : earlier(now.plus(Duration.ofHours(facility.rules().holdHours())), booking.firstStart()));
        Outgoing mail = changes.mail(approval ? BookingMails.Kind.HELD : BookingMails.Kind.CONFIRMED, paid, facility, now);
        List<Write> alongside = new ArrayList<>(paymentWrites);
        alongside.addAll(changes.sending(mail, now));
        changes.move(booking, paid, BookingChanges.work(paid, now), List.of(), List.of(), alongside, now);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

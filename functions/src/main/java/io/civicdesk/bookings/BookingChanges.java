package io.civicdesk.bookings;

import io.civicdesk.notify.Outgoing;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.payments.Payment;
import io.civicdesk.payments.Payments;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Reference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every change to a booking shares, whoever makes it: finding it, the mail it sends (written to the outbox in
 * the same transaction), the schedule it then waits on, the locks it holds, and ending it. Slots are only ever
 * taken by the store's transactional write of locks.
 */
final class BookingChanges {
    static final Duration REMIND_BEFORE = Duration.ofHours(24);

    final Bookings bookings;
    final Facilities facilities;
    final Clock clock;
    final Payments payments;
    private final Transactions transactions;
    private final OutboxStore outbox;
    private final String portalUrl;
    private final Supplier<String> councilName;
    private final String organizer;

    BookingChanges(Bookings bookings, Facilities facilities, Transactions transactions, OutboxStore outbox, Clock clock,
                   String portalUrl, Supplier<String> councilName, String organizer, Payments payments) {
        this.payments = payments;
        this.bookings = bookings;
        this.facilities = facilities;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.councilName = councilName;
        this.organizer = organizer;
    }

    Booking find(String typedReference) {
        Reference reference = Reference.parse(typedReference).orElseThrow(() -> new Refusal(Refusal.Kind.INVALID,
                "That is not a booking reference. It has 8 letters and numbers, like K7MP-3QXR."));
        return bookings.find(reference).orElseThrow(() -> Refusal.notFound("We could not find a booking with that reference."));
    }

    /** The booking, only for the one who holds its private link. */
    Booking own(String typedReference, String secret) {
        Booking booking = find(typedReference);
        if (!Hashes.matches(secret, booking.secretHash())) {
            throw Refusal.forbidden("Use the private link from your confirmation email to change or cancel this booking.");
        }
        return booking;
    }

    static void requireActive(Booking booking) {
        if (booking.status() != BookingStatus.HELD && booking.status() != BookingStatus.CONFIRMED
                && booking.status() != BookingStatus.PAYING) {
            throw new Refusal(Refusal.Kind.CONFLICT, "This booking is already " + booking.status().label().toLowerCase() + ".");
        }
    }

    Map<String, Object> view(Booking booking, Facility facility, boolean withDetails, Instant now) {
        return BookingViews.booking(booking, facility, withDetails, now, portalUrl);
    }

    /** The mail of this kind, or none when the booking has no email address. */
    Outgoing mail(BookingMails.Kind kind, Booking booking, Facility facility, String link, Instant now) {
        return BookingMails.compose(kind, booking, facility, councilName.get(), link, organizer, now);
    }

    /** A later mail, by reference only: after booking, the secret is not known any more (only its hash). */
    Outgoing mail(BookingMails.Kind kind, Booking booking, Facility facility, Instant now) {
        return mail(kind, booking, facility, portalLink(booking), now);
    }

    /** The booking's page by reference (the resident's browser keeps the private key). */
    String portalLink(Booking booking) {
        return portalUrl + "/booking.html?ref=" + booking.reference().value();
    }

    String privateLink(Booking booking, String secret) {
        return portalUrl + "/booking.html?ref=" + booking.reference().value() + "#key=" + secret;
    }

    /** The outbox's part for the mail, if there is one. */
    List<Write> sending(Outgoing mail, Instant now) {
        return mail == null ? List.of() : List.of(outbox.pending(Bookings.MAIL, mail, now));
    }

    /**
     * Moves the booking, with its mail and whatever else goes {@code alongside}, in one transaction.
     *
     * @throws Refused naming {@link Bookings#BOOKING} when it changed meanwhile, or the slots already taken
     */
    void move(Booking before, Booking after, Bookings.Work work, List<String> release, List<Bookings.Lock> take,
              List<Write> alongside, Instant now) {
        Bookings.Move move = bookings.move(before, after, work, release, take, alongside, now);
        transactions.commit(move.writes());
        move.afterwards().run();
    }

    /** Cancelled, declined or expired: the locks freed, and the resident told (a cancelled hold was never confirmed). */
    Map<String, Object> end(Booking booking, Facility facility, BookingStatus to, String reason, BookingMails.Kind kind) {
        return end(booking, facility, to, reason, kind, null);
    }

    /**
     * Ended, and whatever was paid for it refunded in full ({@code by} the officer who ended it, or null): the
     * provider's refund first (idempotent, so a retry refunds once), then its record in the same transaction as the
     * end. A checkout still open is closed at the provider, its lapse recorded the same way.
     */
    Map<String, Object> end(Booking booking, Facility facility, BookingStatus to, String reason, BookingMails.Kind kind, String by) {
        Instant now = clock.instant();
        List<Write> refunds = new ArrayList<>();
        if (facility.rules().fee().payOnline() && booking.quote() != null && booking.quote().totalCents() > 0) {
            for (Payment payment : payments.of(BookingPayments.KIND, booking.reference().value())) {
                if (payment.heldCents() > 0) {
                    refunds.addAll(payments.refund(payment, payment.heldCents(), Payment.CANCELLED, by, now));
                } else if (payment.state() == Payment.State.OPEN && payment.sessionId() != null) {
                    refunds.add(payments.lapse(payment, now));
                }
            }
        }
        Booking ended = booking.ended(to, reason);
        boolean wasConfirmed = booking.status() == BookingStatus.CONFIRMED;
        BookingMails.Kind mailKind = kind == BookingMails.Kind.CANCELLED && !wasConfirmed ? null : kind;
        Outgoing mail = mailKind == null || Booking.BLOCK.equals(booking.kind()) ? null : mail(mailKind, ended, facility, now);
        try {
            List<Write> alongside = new ArrayList<>(sending(mail, now));
            alongside.addAll(refunds);
            move(booking, ended, Bookings.Work.NONE, Occurrence.lockKeys(booking.occurrences(), facility.rules()), List.of(),
                    alongside, now);
        } catch (Refused changed) {
            throw Refusal.conflict("Someone else has just acted on this booking. Look at it again.");
        }
        Log.info("booking." + to.wireName(), Map.of("reference", booking.reference().value()));
        return view(ended, facility, true, now);
    }

    static List<Bookings.Lock> locks(Booking booking, Facility facility, String kind) {
        List<Bookings.Lock> locks = new ArrayList<>();
        for (Occurrence o : booking.occurrences()) {
            for (String key : o.lockKeys(facility.rules())) {
                locks.add(new Bookings.Lock(key, o.isBuffer(key) ? "buffer" : kind));
            }
        }
        return locks;
    }

    /** What the booking waits on next: a supervisor, its reminder, or its survey. */
    static Bookings.Work work(Booking booking, Instant now) {
        if (booking.status() == BookingStatus.HELD) {
            return new Bookings.Work("hold", booking.holdExpiresAt());
        }
        if (booking.status() == BookingStatus.PAYING) {
            return new Bookings.Work(BookingPayments.QUEUE, booking.holdExpiresAt());
        }
        if (booking.status() == BookingStatus.CONFIRMED && booking.contact() != null && booking.contact().email() != null) {
            for (Occurrence o : booking.occurrences()) {
                if (o.start().minus(REMIND_BEFORE).isAfter(now)) {
                    return new Bookings.Work("reminder", o.start().minus(REMIND_BEFORE));
                }
            }
            return surveyWork(booking);
        }
        return Bookings.Work.NONE;
    }

    /** A confirmed booking with an email address, past its reminders, waits for its survey until it has ended. */
    static Bookings.Work surveyWork(Booking booking) {
        return new Bookings.Work("survey", booking.lastEnd());
    }
}

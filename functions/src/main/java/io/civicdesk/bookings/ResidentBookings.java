package io.civicdesk.bookings;

import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A booking by its reference: anyone sees its public part; with the resident's private link (the reference and a
 * secret only its hash is kept of) they see their details, and change or cancel it until the facility's cut-off.
 */
public final class ResidentBookings {
    private final BookingChanges changes;
    private final SlotClashes clashes;

    ResidentBookings(BookingChanges changes, SlotClashes clashes) {
        this.changes = changes;
        this.clashes = clashes;
    }

    public Map<String, Object> view(String typedReference, String secret) {
        Booking booking = changes.find(typedReference);
        boolean own = Hashes.matches(secret, booking.secretHash());
        return changes.view(booking, changes.facilities.require(booking.facilityId()), own, changes.clock.instant());
    }

    public Map<String, Object> cancel(String typedReference, String secret) {
        Booking booking = changes.own(typedReference, secret);
        Facility facility = changes.facilities.require(booking.facilityId());
        BookingChanges.requireActive(booking);
        RuleCheck.requireBeforeCutoff(facility, booking, changes.clock.instant(), "cancelled");
        return changes.end(booking, facility, BookingStatus.CANCELLED, null, BookingMails.Kind.CANCELLED);
    }

    /** A single booking moved: it takes only the slots it did not hold, and frees only those it no longer needs. */
    public Map<String, Object> change(String typedReference, String secret, BookingChange change) {
        Booking booking = changes.own(typedReference, secret);
        Facility facility = changes.facilities.require(booking.facilityId());
        BookingChanges.requireActive(booking);
        Instant now = changes.clock.instant();
        RuleCheck.requireBeforeCutoff(facility, booking, now, "changed");
        if (booking.status() == BookingStatus.PAYING) {
            throw Refusal.conflict("Pay for this booking first, or cancel it and book again.");
        }
        if (booking.occurrences().size() != 1) {
            throw Refusal.conflict("A series cannot be changed online. Cancel it and book again, or call us.");
        }
        int attendance = change.attendance().orElse(booking.attendance());
        BookingRequest request = new BookingRequest(facility.id(), change.date(), change.start(), change.end(), 1,
                booking.purpose(), attendance, booking.contact(), booking.concessionId(), true);
        List<Occurrence> occurrences = RuleCheck.check(facility, request, now, RuleCheck.Asker.RESIDENT);
        BookingRules.Concession concession = booking.concessionId() == null ? null
                : facility.rules().fee().concession(booking.concessionId()).orElse(null);
        Booking moved = booking.rescheduled(occurrences, Quote.of(facility.rules().fee(), occurrences, concession))
                .withAttendance(attendance);
        Set<String> oldKeys = new LinkedHashSet<>(Occurrence.lockKeys(booking.occurrences(), facility.rules()));
        List<Bookings.Lock> newLocks = BookingChanges.locks(moved, facility, "booked");
        Set<String> newKeys = new HashSet<>();
        newLocks.forEach(l -> newKeys.add(l.key()));
        List<String> release = oldKeys.stream().filter(k -> !newKeys.contains(k)).toList();
        List<Bookings.Lock> take = newLocks.stream().filter(l -> !oldKeys.contains(l.key())).toList();
        Outgoing mail = moved.status() == BookingStatus.CONFIRMED ? changes.mail(BookingMails.Kind.CHANGED, moved, facility, now) : null;
        try {
            changes.move(booking, moved, BookingChanges.work(moved, now), release, take, changes.sending(mail, now), now);
        } catch (Refused refused) {
            List<String> taken = Bookings.takenSlots(refused);
            if (!taken.isEmpty()) {
                throw clashes.taken(facility, moved, taken);
            }
            throw Refusal.conflict("The booking changed while you were changing it. Look at it again and retry.");
        }
        return changes.view(moved, facility, true, now);
    }
}

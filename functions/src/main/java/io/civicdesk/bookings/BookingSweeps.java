package io.civicdesk.bookings;

import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Write;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The scheduled work on bookings, each reading only its queue of the sparse {@code BookingWork} index: holds nobody
 * answered in time, long series whose claim never finished, releases to finish; reminders the day before; and the
 * survey once a booking has taken place.
 */
public final class BookingSweeps {
    private static final int BATCH = 50;

    /**
     * What other capabilities write once a booking has taken place, in the same transaction as taking it off the
     * schedule (the survey after service: {@code SurveyInvitations.onBookingEnded}).
     */
    @FunctionalInterface
    public interface OnTakenPlace {
        OnTakenPlace NOTHING = (booking, now) -> List.of();

        List<Write> writes(Booking booking, Instant now);
    }

    public record Outcome(int expired, int reminded, int rolledBack, int released, int surveyed) {
    }

    private final BookingChanges changes;
    private final OnTakenPlace onTakenPlace;

    BookingSweeps(BookingChanges changes, OnTakenPlace onTakenPlace) {
        this.changes = changes;
        this.onTakenPlace = onTakenPlace;
    }

    /** Holds nobody acted on (or paid for) in time expire; series whose claim never finished are rolled back; releases finish. */
    public Outcome expireHolds() {
        Instant now = changes.clock.instant();
        int expired = 0;
        for (Booking booking : changes.bookings.due("hold", now, BATCH)) {
            try {
                changes.end(booking, changes.facilities.require(booking.facilityId()), BookingStatus.EXPIRED,
                        "Nobody answered in time", BookingMails.Kind.EXPIRED);
                expired++;
            } catch (Refusal changed) {
                // approved or declined a moment ago: nothing to expire
            }
        }
        for (Booking booking : changes.bookings.due(BookingPayments.QUEUE, now, BATCH)) {
            try {
                // Not paid in time: its slots freed, and the resident told (nothing was taken).
                changes.end(booking, changes.facilities.require(booking.facilityId()), BookingStatus.EXPIRED,
                        "Not paid in time", BookingMails.Kind.LAPSED);
                expired++;
            } catch (Refusal changed) {
                // paid a moment ago: nothing to expire
            }
        }
        int rolledBack = 0;
        for (Booking booking : changes.bookings.due("claim", now, BATCH)) {
            Facility facility = changes.facilities.require(booking.facilityId());
            try {
                changes.move(booking, booking.ended(BookingStatus.FAILED, "Not all of the series could be booked"), Bookings.Work.NONE,
                        Occurrence.lockKeys(booking.occurrences(), facility.rules()), List.of(), List.of(), now);
                rolledBack++;
            } catch (Refused changed) {
                // finished meanwhile
            }
        }
        int released = 0;
        for (Booking booking : changes.bookings.due("release", now, BATCH)) {
            Facility facility = changes.facilities.require(booking.facilityId());
            changes.bookings.release(booking.facilityId(), booking.reference(), Occurrence.lockKeys(booking.occurrences(), facility.rules()));
            try {
                changes.move(booking, booking.withVersion(booking.version() + 1), Bookings.Work.NONE, List.of(), List.of(), List.of(), now);
                released++;
            } catch (Refused changed) {
                // done by another sweep
            }
        }
        Log.info("bookings.holds-swept", Map.of("expired", expired, "rolledBack", rolledBack, "released", released));
        return new Outcome(expired, 0, rolledBack, released, 0);
    }

    /**
     * Reminder mail for bookings starting within a day; a series' reminder moves on to its next occurrence, and
     * after the last one the booking waits for its survey. Then the bookings whose last occurrence has ended.
     */
    public Outcome sendReminders() {
        Instant now = changes.clock.instant();
        int reminded = 0;
        for (Booking booking : changes.bookings.due("reminder", now, BATCH)) {
            if (booking.status() != BookingStatus.CONFIRMED) {
                continue;
            }
            Facility facility = changes.facilities.require(booking.facilityId());
            Occurrence next = booking.occurrences().stream().filter(o -> o.start().isAfter(now)).findFirst().orElse(null);
            Occurrence after = next == null ? null : booking.occurrences().stream()
                    .filter(o -> o.start().isAfter(next.start())).findFirst().orElse(null);
            Bookings.Work work = after == null ? BookingChanges.surveyWork(booking)
                    : new Bookings.Work("reminder", after.start().minus(BookingChanges.REMIND_BEFORE));
            Outgoing mail = next == null ? null
                    : changes.mail(BookingMails.Kind.REMINDER, booking.withOccurrences(List.of(next)), facility, now);
            try {
                changes.move(booking, booking.withStatus(BookingStatus.CONFIRMED), work, List.of(), List.of(),
                        changes.sending(mail, now), now);
                reminded += mail == null ? 0 : 1;
            } catch (Refused changed) {
                // changed meanwhile: the next sweep sees it again
            }
        }
        int surveyed = inviteToSurveys(now);
        Log.info("bookings.reminders-sent", Map.of("reminded", reminded, "surveyed", surveyed));
        return new Outcome(0, reminded, 0, 0, surveyed);
    }

    /**
     * Bookings whose last occurrence has ended: the survey's writes and the booking's leaving the queue are one
     * transaction, so a sweep that fails part-way invites nobody and the next one tries again; once done, no sweep
     * sees the booking again.
     */
    private int inviteToSurveys(Instant now) {
        int surveyed = 0;
        for (Booking booking : changes.bookings.due("survey", now, BATCH)) {
            // Cancelled meanwhile (a cancellation clears the queue, so only a race lands here): nothing to ask about.
            List<Write> writes = booking.status() == BookingStatus.CONFIRMED ? onTakenPlace.writes(booking, now) : List.of();
            try {
                changes.move(booking, booking.withStatus(booking.status()), Bookings.Work.NONE, List.of(), List.of(), writes, now);
                surveyed += writes.isEmpty() ? 0 : 1;
            } catch (Refused changed) {
                // changed meanwhile: the next sweep sees it again
            }
        }
        return surveyed;
    }
}

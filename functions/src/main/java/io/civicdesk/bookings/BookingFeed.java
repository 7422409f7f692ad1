package io.civicdesk.bookings;

import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A facility's iCalendar feed behind its secret link: the coming half year of bookings and blocks, no personal details. */
public final class BookingFeed {
    private final BookingChanges changes;

    BookingFeed(BookingChanges changes) {
        this.changes = changes;
    }

    public String feed(String token) {
        String cleaned = token == null ? "" : token.replaceAll("\\.ics$", "");
        String facilityId = changes.bookings.feedFacility(Hashes.sha256(cleaned))
                .orElseThrow(() -> Refusal.notFound("No such calendar feed."));
        Facility facility = changes.facilities.require(facilityId);
        Instant now = changes.clock.instant();
        List<Bookings.HeldLock> locks = changes.bookings.locks(facilityId, now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(183)));
        List<ICalendar.Event> events = new ArrayList<>();
        for (Booking booking : changes.bookings.findAll(locks.stream().map(Bookings.HeldLock::bookingRef).toList()).values()) {
            String title = Booking.BLOCK.equals(booking.kind()) ? "Blocked: " + booking.purpose()
                    : (booking.status() == BookingStatus.HELD ? "Held: " : "Booked: ") + booking.reference().display();
            for (int i = 0; i < booking.occurrences().size(); i++) {
                Occurrence o = booking.occurrences().get(i);
                events.add(new ICalendar.Event(booking.reference().value() + "-" + (i + 1) + "@bookings.civicdesk", o.start(), o.end(),
                        title, null, facility.name(), booking.status() == BookingStatus.HELD ? "TENTATIVE" : "CONFIRMED",
                        booking.sequence(), null));
            }
        }
        return ICalendar.calendar("PUBLISH", facility.name(), events, now);
    }
}

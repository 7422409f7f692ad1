package io.civicdesk.bookings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What residents browse: the facilities, one facility, and its free and taken slots (one Query of its locks). */
public final class FacilityBrowsing {
    private final Facilities facilities;
    private final Bookings bookings;
    private final Clock clock;

    public FacilityBrowsing(Facilities facilities, Bookings bookings, Clock clock) {
        this.facilities = facilities;
        this.bookings = bookings;
        this.clock = clock;
    }

    public List<Facility> facilities() {
        return facilities.all();
    }

    public Facility facility(String facilityId) {
        return facilities.require(facilityId);
    }

    /** Today where the facility is: the first day its availability and calendar show unless asked for another. */
    public LocalDate today(Facility facility) {
        return LocalDate.ofInstant(clock.instant(), facility.zone());
    }

    /** Free and taken slots for the days asked. */
    public Map<String, Object> availability(Facility facility, BookingRequestReader.Days asked) {
        LocalDate from = asked.from();
        int days = asked.count();
        List<Bookings.HeldLock> locks = bookings.locks(facility.id(), Availability.rangeStart(facility, from),
                Availability.rangeEnd(facility, from, days));
        return Availability.of(facility, from, days, Availability.keys(locks), clock.instant());
    }
}

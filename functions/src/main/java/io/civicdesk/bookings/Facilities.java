package io.civicdesk.bookings;

import io.civicdesk.platform.Refusal;

import java.util.List;
import java.util.Optional;

/** The facilities residents can book, as the booking services read them: {@link FacilityStore}, or in memory in tests. */
public interface Facilities {
    Optional<Facility> find(String facilityId);

    /** Every facility, in the council's order. */
    List<Facility> all();

    /** The facility, or the resident is told it is not there. */
    default Facility require(String facilityId) {
        return find(facilityId).orElseThrow(() -> Refusal.notFound(
                "We could not find that facility. Choose one from the list of facilities."));
    }
}

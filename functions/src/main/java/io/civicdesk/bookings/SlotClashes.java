package io.civicdesk.bookings;

import io.civicdesk.platform.Dates;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The 409 when the lock write found slots taken, naming what is in the way (including set-up and clean-up time). */
final class SlotClashes {
    private final Bookings bookings;
    private final Metrics metrics;

    SlotClashes(Bookings bookings, Metrics metrics) {
        this.bookings = bookings;
        this.metrics = metrics;
    }

    Refusal taken(Facility facility, Booking wanted, List<String> takenKeys) {
        metrics.count(Metrics.Metric.BOOKING_CONFLICTS, facility.id());
        ZoneId zone = facility.zone();
        Set<String> taken = new HashSet<>(takenKeys);
        List<FieldError> clashes = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (Occurrence o : wanted.occurrences()) {
            List<String> keys = o.lockKeys(facility.rules()).stream().filter(taken::contains).toList();
            if (keys.isEmpty()) {
                continue;
            }
            // Read what holds the clashing time, to name its extent (a read for the message only: the write decided).
            List<Bookings.HeldLock> held = bookings.locks(facility.id(), SlotGrid.instant(keys.get(0)).minus(Duration.ofHours(24)),
                    SlotGrid.instant(keys.get(keys.size() - 1)).plus(Duration.ofHours(24)));
            Set<String> holders = new LinkedHashSet<>();
            held.stream().filter(l -> taken.contains(l.key())).forEach(l -> holders.add(l.bookingRef()));
            Instant from = null;
            Instant to = null;
            for (Bookings.HeldLock lock : held) {
                if (holders.contains(lock.bookingRef())) {
                    Instant at = SlotGrid.instant(lock.key());
                    Instant atEnd = at.plus(Duration.ofMinutes(SlotGrid.GRANULE_MINUTES));
                    if (o.start().minus(Duration.ofHours(24)).isBefore(at) && at.isBefore(o.end().plus(Duration.ofHours(24)))) {
                        from = from == null || at.isBefore(from) ? at : from;
                        to = to == null || atEnd.isAfter(to) ? atEnd : to;
                    }
                }
            }
            if (from == null) {
                from = SlotGrid.instant(keys.get(0));
                to = SlotGrid.instant(keys.get(keys.size() - 1)).plus(Duration.ofMinutes(SlotGrid.GRANULE_MINUTES));
            }
            String clash = Dates.spoken(from.atZone(zone).toLocalDate()) + ", " + RuleCheck.clock(from.atZone(zone).toLocalTime())
                    + " to " + RuleCheck.clock(to.atZone(zone).toLocalTime());
            named.add(clash);
            clashes.add(new FieldError(wanted.occurrences().size() > 1 ? "occurrences" : "start",
                    "The " + facility.name() + " is already taken on " + clash
                            + (facility.rules().bufferBeforeMinutes() + facility.rules().bufferAfterMinutes() > 0
                            ? " (including set-up and clean-up time)" : "") + "."));
        }
        String message = wanted.occurrences().size() > 1
                ? "Nothing was booked: " + named.size() + " of the " + wanted.occurrences().size()
                + " dates clash with other bookings: " + String.join("; ", named) + "."
                : "That time is no longer free: the " + facility.name() + " is already taken on "
                + (named.isEmpty() ? "part of it" : named.get(0)) + ". Choose another time.";
        return new Refusal(Refusal.Kind.CONFLICT, message, clashes);
    }
}

package io.civicdesk.bookings;

import java.time.Duration;
import java.util.List;

/**
 * What a booking costs, worked out from the facility's fee when it is booked and kept with it (a later change to
 * the fee does not change a booking already made). Cents throughout; the hire fee is per hour booked, across
 * every occurrence of a series; the bond is paid once and refunded after.
 */
public record Quote(double hours, long hourlyRateCents, long hireFeeCents, String concession, int percentOff,
                    long discountCents, long bondCents, long totalCents) {

    public static Quote of(BookingRules.Fee fee, List<Occurrence> occurrences, BookingRules.Concession concession) {
        long minutes = occurrences.stream().mapToLong(o -> Duration.between(o.start(), o.end()).toMinutes()).sum();
        long hire = Math.round(fee.hourlyRateCents() * minutes / 60.0);
        int percent = concession == null ? 0 : concession.percentOff();
        long discount = Math.round(hire * percent / 100.0);
        return new Quote(minutes / 60.0, fee.hourlyRateCents(), hire, concession == null ? null : concession.label(),
                percent, discount, fee.bondCents(), hire - discount + fee.bondCents());
    }

    public static String dollars(long cents) {
        return String.format("$%d.%02d", cents / 100, cents % 100);
    }
}

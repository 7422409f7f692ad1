package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.payments.RequestFees;
import io.civicdesk.platform.EventHandler;

/**
 * The booking schedules: {@code {"task":"expire-holds"}} (holds nobody answered in time, and the clean-up of long
 * series interrupted part-way) and {@code {"task":"reminders"}} (the mail the day before a booking, and the
 * survey invitation once it has taken place), and {@code {"task":"release-fee-holds"}} (reports whose service's fee
 * was not paid in time). Each schedule passes its task as the event's Input.
 */
public final class BookingSchedulesHandler extends EventHandler {
    private final BookingSweeps sweeps;
    private final RequestFees requestFees;

    public BookingSchedulesHandler() {
        this(BookingWiring.fromConfig());
    }

    BookingSchedulesHandler(BookingWiring wiring) {
        this.sweeps = wiring.sweeps;
        this.requestFees = wiring.requestFees;
    }

    @Override
    protected Object handle(JsonNode event) {
        return switch (event.path("task").asText()) {
            case "reminders" -> sweeps.sendReminders();
            case "release-fee-holds" -> requestFees.releaseUnpaid();
            default -> sweeps.expireHolds();
        };
    }
}

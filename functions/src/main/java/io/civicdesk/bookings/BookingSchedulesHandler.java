package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;

/**
 * The booking schedules: {@code {"task":"expire-holds"}} (holds nobody answered in time, and the clean-up of long
 * series interrupted part-way) and {@code {"task":"reminders"}} (the mail the day before a booking, and the
 * survey invitation once it has taken place). Each schedule passes its task as the event's Input.
 */
public final class BookingSchedulesHandler extends EventHandler {
    private final BookingSweeps sweeps;

    public BookingSchedulesHandler() {
        this(BookingWiring.fromConfig().sweeps);
    }

    BookingSchedulesHandler(BookingSweeps sweeps) {
        this.sweeps = sweeps;
    }

    @Override
    protected BookingSweeps.Outcome handle(JsonNode event) {
        return "reminders".equals(event.path("task").asText()) ? sweeps.sendReminders() : sweeps.expireHolds();
    }
}

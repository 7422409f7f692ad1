package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.EventHandler;

/**
 * The booking schedules: {@code {"task":"expire-holds"}} (holds nobody answered in time, and the clean-up of long
 * series interrupted part-way) and {@code {"task":"reminders"}} (the mail the day before a booking, and the
 * survey invitation once it has taken place). Each schedule passes its task as the event's Input.
 */
public final class BookingSchedulesHandler extends EventHandler {
    private final BookingService service;

    public BookingSchedulesHandler() {
        this(BookingWiring.service(AwsClients.dynamoDb()));
    }

    public BookingSchedulesHandler(BookingService service) {
        this.service = service;
    }

    @Override
    protected BookingService.SweepOutcome handle(JsonNode event) {
        return "reminders".equals(event.path("task").asText()) ? service.sendReminders() : service.expireHolds();
    }
}

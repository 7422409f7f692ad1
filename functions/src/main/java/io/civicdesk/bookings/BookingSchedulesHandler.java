package io.civicdesk.bookings;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The booking schedules: {@code {"task":"expire-holds"}} (holds nobody answered in time, and the clean-up of long
 * series interrupted part-way) and {@code {"task":"reminders"}} (the mail the day before a booking, and the
 * survey invitation once it has taken place). Each schedule passes its task as the event's Input.
 */
public final class BookingSchedulesHandler implements RequestStreamHandler {
    private final BookingService service;

    public BookingSchedulesHandler() {
        this(BookingWiring.service(AwsClients.dynamoDb()));
    }

    public BookingSchedulesHandler(BookingService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        BookingService.SweepOutcome outcome = "reminders".equals(event.path("task").asText())
                ? service.sendReminders() : service.expireHolds();
        output.write(Json.write(outcome).getBytes(StandardCharsets.UTF_8));
    }
}

package io.civicdesk.bookings;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.feedback.FeedbackWiring;
import io.civicdesk.feedback.SurveyInvitations;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.PowertoolsMetrics;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** The one place the booking functions are put together from their configuration. */
final class BookingWiring {
    private BookingWiring() {
    }

    static BookingService service(DynamoDbClient dynamo) {
        String catalogTable = Config.require("CATALOG_TABLE");
        CatalogStore catalog = new CatalogStore(dynamo, catalogTable);
        Clock clock = Clocks.fromConfig();
        Cached<String> councilName = new Cached<>(() -> catalog.council().name(), Duration.ofMinutes(5), clock);
        String outboxTable = Config.optional("OUTBOX_TABLE");
        OutboxStore outbox = outboxTable == null ? null : new OutboxStore(dynamo, outboxTable);
        SecureRandom random = new SecureRandom();
        String portalUrl = Config.require("PORTAL_URL");
        // Only the schedules function, which invites residents to the survey, is given the feedback table.
        String feedbackTable = Config.optional("FEEDBACK_TABLE");
        BookingService.OnTakenPlace onTakenPlace = feedbackTable == null ? BookingService.OnTakenPlace.NOTHING
                : surveys(new FeedbackWiring(dynamo, clock).invitations());
        return new BookingService(new FacilityStore(dynamo, catalogTable),
                new BookingStore(dynamo, Config.require("BOOKINGS_TABLE"), Config.require("SLOT_LOCKS_TABLE"), outbox),
                clock, random, portalUrl, councilName::get,
                Config.optional("MAIL_FROM") == null ? "no-reply@example.com" : Config.optional("MAIL_FROM"), onTakenPlace,
                PowertoolsMetrics.fromConfig());
    }

    /** A booking that has taken place opens its survey, the facility standing as the service. */
    static BookingService.OnTakenPlace surveys(SurveyInvitations invitations) {
        return (booking, now) -> invitations.onBookingEnded(booking.reference(), booking.facilityId(), booking.facilityName(),
                booking.secretHash(), booking.contact(), now).writes();
    }

    /** A date from the query string (default: today in the facility's zone) and a number of days, 1 to 7. */
    static LocalDate from(String text, LocalDate today) {
        LocalDate from = DateInput.optional(text, "from", "Give the first day as a date " + DateInput.YEARS + ", like 2026-11-28.");
        return from == null ? today : from;
    }

    static int days(String text) {
        if (text == null || text.isBlank()) {
            return 7;
        }
        if (!text.matches("[1-7]")) {
            throw Refusal.invalid(List.of(new FieldError("days", "Ask for 1 to 7 days at a time.")));
        }
        return Integer.parseInt(text);
    }
}

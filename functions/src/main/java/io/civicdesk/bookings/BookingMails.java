package io.civicdesk.bookings;

import io.civicdesk.notify.Mail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.civicdesk.platform.Html.escape;

/**
 * The mail a booking sends: confirmation (with a calendar file), request received, approved, declined,
 * changed, cancelled (a calendar file that removes the event), expired, and the reminder before the day.
 */
public final class BookingMails {
    public enum Kind {
        CONFIRMED("booking-confirmation", "Your booking is confirmed", "REQUEST"),
        HELD("booking-request", "We have your booking request", null),
        APPROVED("booking-approved", "Your booking is approved", "REQUEST"),
        DECLINED("booking-declined", "Your booking request was declined", null),
        CHANGED("booking-changed", "Your booking has changed", "REQUEST"),
        CANCELLED("booking-cancelled", "Your booking is cancelled", "CANCEL"),
        EXPIRED("booking-expired", "Your booking request has lapsed", null),
        REMINDER("booking-reminder", "Reminder: your booking is coming up", null);

        final String purpose;
        final String headline;
        final String method;

        Kind(String purpose, String headline, String method) {
            this.purpose = purpose;
            this.headline = headline;
            this.method = method;
        }
    }

    private BookingMails() {
    }

    public static Mail compose(Kind kind, Booking booking, Facility facility, String councilName, String privateLink,
                               String organizer, Instant now) {
        if (booking.contact() == null || booking.contact().email() == null) {
            return null;
        }
        ZoneId zone = facility.zone();
        String reference = booking.reference().display();
        String greeting = booking.contact().name() == null ? "Hello," : "Hello " + booking.contact().name() + ",";
        String when = String.join("\n", booking.occurrences().stream().map(o -> "  " + BookingViews.spoken(o, zone)).toList());
        String message = switch (kind) {
            case CONFIRMED -> "Your booking of the " + facility.name() + " is confirmed. The calendar file attached adds it to your calendar.";
            case HELD -> "We have your request to book the " + facility.name() + ". The time is held for you while a"
                    + " supervisor looks at it; we will email you with the answer.";
            case APPROVED -> "Your request to book the " + facility.name() + " is approved. The calendar file attached adds it to your calendar.";
            case DECLINED -> "We are sorry: your request to book the " + facility.name() + " was declined. The reason: "
                    + booking.statusReason() + ". The time has been released.";
            case CHANGED -> "Your booking of the " + facility.name() + " has changed. The calendar file attached updates your calendar.";
            case CANCELLED -> "Your booking of the " + facility.name() + " is cancelled"
                    + (booking.statusReason() == null ? "." : ". The reason: " + booking.statusReason() + ".")
                    + " The calendar file attached removes it from your calendar.";
            case EXPIRED -> "Your request to book the " + facility.name() + " lapsed before we could answer it, and the time"
                    + " has been released. We are sorry. Please book again or call us on (08) 9999 0000.";
            case REMINDER -> "This is a reminder of your booking of the " + facility.name() + ".";
        };
        String subject = kind.headline + ": " + facility.name() + " (" + reference + ")";
        String fee = booking.quote() == null ? "" : "Fee: " + Quote.dollars(booking.quote().totalCents())
                + " (hire " + Quote.dollars(booking.quote().hireFeeCents() - booking.quote().discountCents())
                + ", bond " + Quote.dollars(booking.quote().bondCents()) + ")\n";
        String text = greeting + "\n\n" + message + "\n\n"
                + "Reference: " + reference + "\n"
                + "Facility: " + facility.name() + ", " + facility.address() + "\n"
                + "When:\n" + when + "\n"
                + fee + "\n"
                + "See, change or cancel your booking (keep this link private):\n" + privateLink + "\n\n"
                + councilName + "\n";
        String html = "<!doctype html><html lang=\"en-AU\"><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(greeting) + "</p><p>" + escape(message) + "</p>"
                + "<div style=\"border:3px solid #00703c;padding:16px;margin:16px 0\"><p style=\"margin:0\">Your booking reference</p>"
                + "<p style=\"margin:0;font-size:28px;font-weight:bold;letter-spacing:2px\">" + escape(reference) + "</p></div>"
                + "<p><strong>" + escape(facility.name()) + "</strong>, " + escape(facility.address()) + "</p><ul>"
                + String.join("", booking.occurrences().stream().map(o -> "<li>" + escape(BookingViews.spoken(o, zone)) + "</li>").toList())
                + "</ul>" + (fee.isEmpty() ? "" : "<p>" + escape(fee.strip()) + "</p>")
                + "<p><a href=\"" + escape(privateLink) + "\">See, change or cancel your booking</a> (keep this link private)</p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        List<Mail.Attachment> attachments = kind.method == null ? List.of()
                : List.of(new Mail.Attachment(kind.method.equals("CANCEL") ? "cancellation.ics" : "booking.ics",
                "text/calendar; charset=UTF-8; method=" + kind.method,
                ICalendar.calendar(kind.method, null, events(booking, facility, kind.method.equals("CANCEL") ? "CANCELLED" : "CONFIRMED",
                        organizer), now).getBytes(StandardCharsets.UTF_8)));
        return new Mail(UUID.randomUUID().toString(), booking.contact().email(), subject, text, html, kind.purpose,
                booking.reference().value(), attachments);
    }

    /** One event per occurrence, each with its own stable UID. */
    public static List<ICalendar.Event> events(Booking booking, Facility facility, String status, String organizer) {
        List<ICalendar.Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < booking.occurrences().size(); i++) {
            Occurrence o = booking.occurrences().get(i);
            events.add(new ICalendar.Event(booking.reference().value() + "-" + (i + 1) + "@bookings.civicdesk",
                    o.start(), o.end(), facility.name() + " booking " + booking.reference().display(),
                    booking.purpose(), facility.name() + ", " + facility.address(), status, booking.sequence(), organizer));
        }
        return events;
    }
}

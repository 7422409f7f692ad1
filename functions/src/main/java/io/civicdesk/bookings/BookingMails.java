package io.civicdesk.bookings;

import io.civicdesk.languages.Language;
import io.civicdesk.languages.Texts;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.Outgoing;
import io.civicdesk.notify.Text;
import io.civicdesk.platform.PhoneInput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static io.civicdesk.platform.Html.escape;

/**
 * The mail a booking sends: confirmation (with a calendar file), request received, approved, declined,
 * changed, cancelled (a calendar file that removes the event), expired, and the reminder before the day. A
 * resident who chose texts gets each as a short text instead (what happened, the reference, the link; no calendar).
 */
public final class BookingMails {
    /** Each kind's words are the message catalogue's {@code mail.booking.<key>.subject} and {@code .message}. */
    public enum Kind {
        CONFIRMED("booking-confirmation", "confirmed", "REQUEST"),
        HELD("booking-request", "held", null),
        APPROVED("booking-approved", "approved", "REQUEST"),
        DECLINED("booking-declined", "declined", null),
        CHANGED("booking-changed", "changed", "REQUEST"),
        CANCELLED("booking-cancelled", "cancelled", "CANCEL"),
        EXPIRED("booking-expired", "expired", null),
        REMINDER("booking-reminder", "reminder", null),
        PAYMENT("booking-payment", "payment", null),
        LAPSED("booking-payment-lapsed", "lapsed", null);

        final String purpose;
        final String key;
        final String method;

        Kind(String purpose, String key, String method) {
            this.purpose = purpose;
            this.key = key;
            this.method = method;
        }
    }

    private BookingMails() {
    }

    /** In the language the resident booked in; the calendar file's event stays as the facility names itself. */
    public static Outgoing compose(Kind kind, Booking booking, Facility facility, String councilName, String privateLink,
                                   String organizer, Instant now) {
        if (booking.texts() && booking.contact() != null && PhoneInput.canText(booking.contact().phone())) {
            return new Text(UUID.randomUUID().toString(), PhoneInput.stored(booking.contact().phone()),
                    Texts.of(booking.language()).get("sms.booking", "council", councilName,
                            "what", Texts.of(booking.language()).get("mail.booking." + kind.key + ".subject"),
                            "facility", facility.name(), "reference", booking.reference().display(), "link", privateLink),
                    kind.purpose, booking.reference().value());
        }
        if (booking.contact() == null || booking.contact().email() == null) {
            return null;
        }
        Texts texts = Texts.of(booking.language());
        ZoneId zone = facility.zone();
        String reference = booking.reference().display();
        String greeting = texts.hello(booking.contact().name());
        List<String> occurrences = booking.occurrences().stream().map(o -> spoken(texts, o, zone)).toList();
        String when = String.join("\n", occurrences.stream().map(o -> "  " + o).toList());
        String reason = booking.statusReason() == null ? "" : texts.get("mail.booking.reason", "reason", booking.statusReason());
        String payBy = booking.holdExpiresAt() == null ? "" : texts.dateTime(booking.holdExpiresAt().atZone(zone));
        String message = texts.get("mail.booking." + kind.key + ".message", "facility", facility.name(), "reason", reason,
                "payBy", payBy).strip();
        String subject = texts.get("mail.booking." + kind.key + ".subject") + ": " + facility.name() + " (" + reference + ")";
        String fee = booking.quote() == null ? "" : texts.get("mail.booking.fee", "total", Quote.dollars(booking.quote().totalCents()),
                "hire", Quote.dollars(booking.quote().hireFeeCents() - booking.quote().discountCents()),
                "bond", Quote.dollars(booking.quote().bondCents())) + "\n";
        String privately = texts.get("mail.booking.privateLink");
        String keepPrivate = texts.get("mail.confirmation.keepPrivate");
        String text = greeting + "\n\n" + message + "\n\n"
                + texts.get("mail.booking.reference") + ": " + reference + "\n"
                + texts.get("mail.booking.facility") + ": " + facility.name() + ", " + facility.address() + "\n"
                + texts.get("mail.booking.when") + ":\n" + when + "\n"
                + fee + "\n"
                + privately + " (" + keepPrivate + "):\n" + privateLink + "\n\n"
                + councilName + "\n";
        String html = "<!doctype html><html " + texts.htmlAttributes() + "><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c\">"
                + "<p>" + escape(greeting) + "</p><p>" + escape(message) + "</p>"
                + "<div style=\"border:3px solid #00703c;padding:16px;margin:16px 0\"><p style=\"margin:0\">" + escape(texts.get("mail.booking.yourReference")) + "</p>"
                + "<p style=\"margin:0;font-size:28px;font-weight:bold;letter-spacing:2px\" dir=\"ltr\">" + escape(reference) + "</p></div>"
                + "<p><strong>" + escape(facility.name()) + "</strong>, " + escape(facility.address()) + "</p><ul>"
                + String.join("", occurrences.stream().map(o -> "<li>" + escape(o) + "</li>").toList())
                + "</ul>" + (fee.isEmpty() ? "" : "<p>" + escape(fee.strip()) + "</p>")
                + "<p><a href=\"" + escape(privateLink) + "\">" + escape(privately) + "</a> (" + escape(keepPrivate) + ")</p>"
                + "<p>" + escape(councilName) + "</p></body></html>";
        List<Mail.Attachment> attachments = kind.method == null ? List.of()
                : List.of(new Mail.Attachment(kind.method.equals("CANCEL") ? "cancellation.ics" : "booking.ics",
                "text/calendar; charset=UTF-8; method=" + kind.method,
                ICalendar.calendar(kind.method, null, events(booking, facility, kind.method.equals("CANCEL") ? "CANCELLED" : "CONFIRMED",
                        organizer), now).getBytes(StandardCharsets.UTF_8)));
        return new Mail(UUID.randomUUID().toString(), booking.contact().email(), subject, text, html, kind.purpose,
                booking.reference().value(), attachments);
    }

    /** An occurrence's day and times, English as the portal writes it, another language as it writes a day and a time. */
    private static String spoken(Texts texts, Occurrence occurrence, ZoneId zone) {
        if (texts.language() == Language.SOURCE) {
            return BookingViews.spoken(occurrence, zone);
        }
        ZonedDateTime start = occurrence.localStart(zone);
        return texts.get("mail.booking.occurrence", "date", texts.date(start.toLocalDate()), "from", texts.time(start.toLocalTime()),
                "to", texts.time(occurrence.localEnd(zone).toLocalTime()));
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

package io.civicdesk.bookings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * iCalendar (RFC 5545) files: a booking's events for its confirmation (METHOD:REQUEST) and cancellation
 * (METHOD:CANCEL), and a facility's feed (METHOD:PUBLISH). Times are UTC ("Z" form, which needs no VTIMEZONE);
 * each occurrence has a stable UID, so a calendar app updates the event it already has when SEQUENCE goes up.
 * Lines end in CRLF and are folded at 75 octets; text values are escaped.
 */
public final class ICalendar {
    static final String PRODUCT = "-//CivicDesk//Facilities booking//EN";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    public record Event(String uid, Instant start, Instant end, String summary, String description, String location,
                        String status, int sequence, String organizer) {
    }

    public static String calendar(String method, String name, List<Event> events, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODUCT);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + method);
        if (name != null) {
            line(out, "X-WR-CALNAME:" + text(name));
        }
        for (Event event : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + event.uid());
            line(out, "DTSTAMP:" + UTC.format(stamp));
            line(out, "DTSTART:" + UTC.format(event.start()));
            line(out, "DTEND:" + UTC.format(event.end()));
            line(out, "SEQUENCE:" + event.sequence());
            line(out, "STATUS:" + event.status());
            line(out, "SUMMARY:" + text(event.summary()));
            if (event.location() != null) {
                line(out, "LOCATION:" + text(event.location()));
            }
            if (event.description() != null) {
                line(out, "DESCRIPTION:" + text(event.description()));
            }
            if (event.organizer() != null && !"PUBLISH".equals(method)) {
                line(out, "ORGANIZER:mailto:" + event.organizer());
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** Escapes a TEXT value (RFC 5545 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Adds a content line, folded so no physical line is over 75 octets (never inside a UTF-8 character). */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int limit = 75;
        int from = 0;
        while (bytes.length - from > limit) {
            int cut = from + limit;
            while ((bytes[cut] & 0xC0) == 0x80) {
                cut--;
            }
            out.append(new String(bytes, from, cut - from, StandardCharsets.UTF_8)).append("\r\n ");
            from = cut;
            limit = 74;
        }
        out.append(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)).append("\r\n");
    }
}

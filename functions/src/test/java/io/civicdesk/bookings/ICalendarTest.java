package io.civicdesk.bookings;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ICalendarTest {

    @Test
    void aRequestHasTheRequiredPropertiesInUtcWithCrlfAndEscapedText() {
        String ics = ICalendar.calendar("REQUEST", null, List.of(new ICalendar.Event("K7MP3QXR-1@bookings.civicdesk",
                Instant.parse("2026-11-14T05:00:00Z"), Instant.parse("2026-11-14T09:00:00Z"), "Hall; booking, one",
                "Line one\nline two", "Hall, 1 Street", "CONFIRMED", 2, "no-reply@example.com")), Instant.parse("2026-11-02T01:00:00Z"));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), ics);
        for (String line : List.of("METHOD:REQUEST", "UID:K7MP3QXR-1@bookings.civicdesk", "DTSTAMP:20261102T010000Z",
                "DTSTART:20261114T050000Z", "DTEND:20261114T090000Z", "SEQUENCE:2", "SUMMARY:Hall\\; booking\\, one",
                "DESCRIPTION:Line one\\nline two", "END:VCALENDAR")) {
            assertTrue(ics.contains("\r\n" + line + "\r\n") || ics.endsWith(line + "\r\n"), line + " in\n" + ics);
        }
        assertEquals(0, ics.replace("\r\n", "").indexOf('\n') + 1, "only CRLF line ends");
    }

    @Test
    void longLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        ICalendar.line(out, "DESCRIPTION:" + "Café ".repeat(40));
        for (String line : out.toString().split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals("DESCRIPTION:" + "Café ".repeat(40), out.toString().replace("\r\n ", "").replace("\r\n", ""));
    }
}

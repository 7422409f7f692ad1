package io.civicdesk.platform;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates the way Australians write them to each other: "Wednesday 25 November 2026". */
public final class Dates {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("en-AU"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.forLanguageTag("en-AU"));

    private Dates() {
    }

    public static String spoken(LocalDate date) {
        return LONG.format(date);
    }

    /** "2:30 pm Wednesday 25 November 2026", in the time's own zone. */
    public static String spokenTime(ZonedDateTime time) {
        return TIME.format(time).toLowerCase(Locale.ROOT) + " " + LONG.format(time);
    }
}

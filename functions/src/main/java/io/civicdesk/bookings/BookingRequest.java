package io.civicdesk.bookings;

import io.civicdesk.languages.Language;
import io.civicdesk.requests.Contact;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a resident (or an officer for a caller) asks for: a facility, a day, a start and an end in the facility's
 * local time, and how many weeks in a row ({@code occurrences}, 1 for a single booking). {@code texts}: the resident
 * chose text messages to their phone over mail.
 */
public record BookingRequest(String facilityId, LocalDate date, LocalTime start, LocalTime end, int occurrences,
                             String purpose, int attendance, Contact contact, String concession, boolean termsAccepted,
                             Language language, boolean texts) {
    public BookingRequest {
        language = language == null ? Language.SOURCE : language;
    }

    /** A request in English: a change of an existing booking, which keeps the booking's own language. */
    public BookingRequest(String facilityId, LocalDate date, LocalTime start, LocalTime end, int occurrences, String purpose,
                          int attendance, Contact contact, String concession, boolean termsAccepted) {
        this(facilityId, date, start, end, occurrences, purpose, attendance, contact, concession, termsAccepted, null, false);
    }
}

package io.civicdesk.bookings;

import io.civicdesk.requests.Contact;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a resident (or an officer for a caller) asks for: a facility, a day, a start and an end in the facility's
 * local time, and how many weeks in a row ({@code occurrences}, 1 for a single booking).
 */
public record BookingRequest(String facilityId, LocalDate date, LocalTime start, LocalTime end, int occurrences,
                             String purpose, int attendance, Contact contact, String concession, boolean termsAccepted) {
}

package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.requests.Contact;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads a booking from JSON, naming every field that is missing or malformed (the rules come after). */
public final class BookingRequestReader {
    static final int MAX_PURPOSE = 500;
    static final int MAX_NAME = 100;
    private static final String ATTENDANCE = "Enter how many people you expect, as a whole number.";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,15}$");

    private BookingRequestReader() {
    }

    /** A booking by a resident: contact name and email and the terms are required. */
    public static BookingRequest read(JsonNode body, String facilityId) {
        return read(body, facilityId, true);
    }

    public static BookingRequest read(JsonNode body, String facilityId, boolean resident) {
        List<FieldError> errors = new ArrayList<>();
        String facility = facilityId != null ? facilityId : Ids.read(body.path("facilityId"), "facilityId", "facility", errors);
        if (facility == null && !hasError(errors, "facilityId")) {
            errors.add(new FieldError("facilityId", "Choose a facility to book."));
        }
        LocalDate date = date(body, "date", errors);
        LocalTime start = time(body, "start", "a start time", errors);
        LocalTime end = time(body, "end", "an end time", errors);
        Long occurrences = NumberInput.whole(body.path("occurrences"), "occurrences", 1, Integer.MAX_VALUE,
                "Enter how many weeks in a row, as a whole number from 1.", errors);
        String purpose = text(body, "purpose");
        if (purpose == null) {
            errors.add(new FieldError("purpose", "Tell us what the booking is for."));
        } else if (purpose.length() > MAX_PURPOSE) {
            errors.add(new FieldError("purpose", "What the booking is for must be " + MAX_PURPOSE + " characters or fewer."));
        }
        Long attendance = NumberInput.requiredWhole(body.path("attendance"), "attendance", 1, Integer.MAX_VALUE, ATTENDANCE, errors);
        JsonNode contactNode = body.path("contact");
        String name = text(contactNode, "name");
        String email = text(contactNode, "email");
        String phone = text(contactNode, "phone");
        if (name == null) {
            errors.add(new FieldError("contact.name", "Enter the name of the person responsible for the booking."));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("contact.name", "The name must be " + MAX_NAME + " characters or fewer."));
        }
        if (email == null && resident) {
            errors.add(new FieldError("contact.email", "Enter an email address: we send the confirmation and the calendar file there."));
        } else if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("contact.email", "Enter an email address in the right format, like name@example.com."));
        }
        if (phone != null && !PHONE.matcher(phone.replaceAll("[\\s()-]", "")).matches()) {
            errors.add(new FieldError("contact.phone", "Enter a phone number, like 0412 345 678."));
        }
        String concession = Ids.read(body.path("concession"), "concession", "concession", errors);
        boolean terms = body.path("termsAccepted").isBoolean() && body.path("termsAccepted").booleanValue();
        if (resident && !terms) {
            errors.add(new FieldError("termsAccepted", "Confirm that you accept the conditions of hire."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new BookingRequest(facility, date, start, end, occurrences == null ? 1 : occurrences.intValue(), purpose,
                attendance.intValue(), new Contact(name, email, phone), concession, terms);
    }

    /** A change of how many people are expected: a whole number from 1; null when it is not sent, or wrong (recorded). */
    static Long attendance(JsonNode body, List<FieldError> errors) {
        return NumberInput.whole(body.path("attendance"), "attendance", 1, Integer.MAX_VALUE, ATTENDANCE, errors);
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static LocalDate date(JsonNode body, String field, List<FieldError> errors) {
        return DateInput.required(body.path(field), field, "Enter the date as a real date " + DateInput.YEARS + ", like 2026-11-28.", errors);
    }

    static LocalTime time(JsonNode body, String field, String what, List<FieldError> errors) {
        String text = text(body, field);
        try {
            if (text != null && text.matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "Choose " + what + ", like 13:00."));
        return null;
    }
}

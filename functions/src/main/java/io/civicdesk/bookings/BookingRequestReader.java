package io.civicdesk.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.PhoneInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.DateInput;
import io.civicdesk.languages.Language;
import io.civicdesk.languages.LanguageReader;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.requests.Contact;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reads a booking from JSON, naming every field that is missing or malformed (the rules come after). */
public final class BookingRequestReader {
    static final int MAX_PURPOSE = 500;
    static final int MAX_NAME = 100;
    private static final String ATTENDANCE = "Enter how many people you expect, as a whole number.";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

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
        String phone = PhoneInput.optional(contactNode.path("phone"), "contact.phone", false, errors);
        if (name == null) {
            errors.add(new FieldError("contact.name", "Enter the name of the person responsible for the booking."));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("contact.name", "The name must be " + MAX_NAME + " characters or fewer."));
        }
        boolean texts = PhoneInput.textsChosen(body, phone, errors);
        if (email == null && resident && !texts) {
            errors.add(new FieldError("contact.email", "Enter an email address: we send the confirmation and the calendar file there."));
        } else if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("contact.email", "Enter an email address in the right format, like name@example.com."));
        }
        String concession = Ids.read(body.path("concession"), "concession", "concession", errors);
        boolean terms = body.path("termsAccepted").isBoolean() && body.path("termsAccepted").booleanValue();
        if (resident && !terms) {
            errors.add(new FieldError("termsAccepted", "Confirm that you accept the conditions of hire."));
        }
        Language language = LanguageReader.field(body, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new BookingRequest(facility, date, start, end, occurrences == null ? 1 : occurrences.intValue(), purpose,
                attendance.intValue(), new Contact(name, email, phone), concession, terms, language, texts);
    }

    /** A resident's change of day and time; how many people are expected only if it is sent. */
    public static BookingChange change(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(body, "date", errors);
        LocalTime start = time(body, "start", "a start time", errors);
        LocalTime end = time(body, "end", "an end time", errors);
        Long attendance = NumberInput.whole(body.path("attendance"), "attendance", 1, Integer.MAX_VALUE, ATTENDANCE, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new BookingChange(date, start, end, attendance == null ? OptionalInt.empty() : OptionalInt.of(attendance.intValue()));
    }

    /** Staff block out time: from a day to a day (at most 61), whole days or between two times, with a reason residents see. */
    public static BlockOut blockOut(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(body, "date", errors);
        LocalDate until = body.hasNonNull("until") ? date(body, "until", errors) : date;
        LocalTime start = body.hasNonNull("start") ? time(body, "start", "a start time", errors) : LocalTime.MIN;
        LocalTime end = body.hasNonNull("end") ? time(body, "end", "an end time", errors) : null;
        String reason = text(body, "reason");
        if (reason == null) {
            errors.add(new FieldError("reason", "Say why the facility is blocked out (residents see it)."));
        } else if (reason.length() > MAX_PURPOSE) {
            errors.add(new FieldError("reason", "Keep the reason to " + MAX_PURPOSE + " characters or fewer."));
        }
        if (errors.isEmpty() && until.isBefore(date)) {
            errors.add(new FieldError("until", "The last day must be on or after the first."));
        }
        if (errors.isEmpty() && until.isAfter(date.plusDays(60))) {
            errors.add(new FieldError("until", "Block out at most 61 days at once."));
        }
        if (errors.isEmpty() && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("end", "The end time must be after the start time."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new BlockOut(date, until, start, Optional.ofNullable(end), reason);
    }

    /** The reason staff give for declining or cancelling, if any (whether one is needed is the service's rule). */
    public static String reason(JsonNode body) {
        return body.path("reason").isTextual() ? body.path("reason").asText() : null;
    }

    /** Days of a calendar asked for: from a day (default today in the facility's zone), 1 to 7 of them (default 7). */
    public record Days(LocalDate from, int count) {
    }

    public static Days days(Optional<String> fromText, Optional<String> countText, LocalDate today) {
        LocalDate from = DateInput.optional(fromText.orElse(null), "from",
                "Give the first day as a date " + DateInput.YEARS + ", like 2026-11-28.");
        String count = countText.orElse("");
        if (!count.isBlank() && !count.matches("[1-7]")) {
            throw Refusal.invalid(List.of(new FieldError("days", "Ask for 1 to 7 days at a time.")));
        }
        return new Days(from == null ? today : from, count.isBlank() ? 7 : Integer.parseInt(count));
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static LocalDate date(JsonNode body, String field, List<FieldError> errors) {
        return DateInput.required(body.path(field), field, "Enter the date as a real date " + DateInput.YEARS + ", like 2026-11-28.", errors);
    }

    private static LocalTime time(JsonNode body, String field, String what, List<FieldError> errors) {
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

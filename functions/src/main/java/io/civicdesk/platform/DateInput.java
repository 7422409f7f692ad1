package io.civicdesk.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dates and months a client sends in a path, a query string or a body: written year-month-day, and within the
 * years the council's records and bookings span. Beyond them is a typing mistake; and only within four-digit
 * years do the stores' date keys sort as the dates do (9999-12-31 plus a week is +10000-01-07). Each caller gives
 * the message for a mistake, in its own words; {@link #YEARS} says the range in them.
 */
public final class DateInput {
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** For messages: "Give the first day as a date between 2000 and 2100, like 2026-11-28." */
    public static final String YEARS = "between " + EARLIEST.getYear() + " and " + LATEST.getYear();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private DateInput() {
    }

    /** A date from a path or a query string: null when absent or blank, else the date or a 400 naming the field. */
    public static LocalDate optional(String text, String field, String message) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = read(text, field, message, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return date;
    }

    /** A date that must be there: absent, null, blank or not text is the same mistake as a wrong date. */
    public static LocalDate required(JsonNode value, String field, String message, List<FieldError> errors) {
        if (!value.isTextual()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return required(value.asText(), field, message, errors);
    }

    public static LocalDate required(String text, String field, String message, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return read(text, field, message, errors);
    }

    /** A date in a body: null when absent, null or blank; {@code message} is recorded when it is anything but a date in range. */
    public static LocalDate read(JsonNode value, String field, String message, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, message));
            return null;
        }
        return read(value.asText(), field, message, errors);
    }

    public static LocalDate read(String text, String field, String message, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String written = text.strip();
        try {
            if (DATE.matcher(written).matches()) {
                LocalDate date = LocalDate.parse(written);
                if (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) {
                    return date;
                }
            }
        } catch (DateTimeException e) {
            // not a real date (2026-02-30): reported below
        }
        errors.add(new FieldError(field, message));
        return null;
    }

    /** A month, year-month ("2026-03"): null when absent or blank; {@code message} is recorded when it is not one in range. */
    public static YearMonth month(String text, String field, String message, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String written = text.strip();
        try {
            if (MONTH.matcher(written).matches()) {
                YearMonth month = YearMonth.parse(written);
                if (!month.isBefore(YearMonth.from(EARLIEST)) && !month.isAfter(YearMonth.from(LATEST))) {
                    return month;
                }
            }
        } catch (DateTimeException e) {
            // not a real month (2026-13): reported below
        }
        errors.add(new FieldError(field, message));
        return null;
    }
}

package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.requests.Priority;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.OpeningSpan;
import io.civicdesk.sla.PublicHoliday;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the calendars, holidays and policies an administrator sends and checks them whole, naming every field
 * that is wrong in one answer.
 */
public final class ServiceLevelReader {
    static final int MAX_HOLIDAY_NAME = 80;
    static final int MAX_SPANS_A_DAY = 6;
    static final int MAX_WARNING_POINTS = 5;
    /** A target longer than a year of business time is a typing mistake, not a promise. */
    static final long MAX_MINUTES = 366L * 24 * 60;
    static final int MAX_ORDER = 1_000_000;

    private ServiceLevelReader() {
    }

    /** Opening hours are sent per weekday by its lower-case English name, e.g. {@code monday}. */
    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    /** A whole calendar: {@code { timeZone, openingHours: { monday: ["08:30-17:00"], .. }, holidays: [ { date, name } ] }}. */
    public static BusinessCalendar calendar(String calendarId, JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = zone(body.path("timeZone"), errors);
        Map<DayOfWeek, List<OpeningSpan>> hours = openingHours(body.path("openingHours"), errors);
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        JsonNode holidayNodes = body.path("holidays");
        if (!holidayNodes.isMissingNode() && !holidayNodes.isNull() && !holidayNodes.isArray()) {
            errors.add(new FieldError("holidays", "holidays must be a list of { date, name }."));
        } else {
            for (int i = 0; i < holidayNodes.size(); i++) {
                PublicHoliday holiday = holiday(holidayNodes.get(i), "holidays[" + i + "].", errors);
                if (holiday != null && holidays.put(holiday.date(), holiday.name()) != null) {
                    errors.add(new FieldError("holidays[" + i + "].date", holiday.date() + " is listed twice; keep one."));
                }
            }
        }
        throwIfAny(errors);
        return new BusinessCalendar(calendarId, zone, hours, holidays);
    }

    /** One holiday: {@code { date: "2026-12-24", name: "Christmas Eve closure" }}. */
    public static PublicHoliday holiday(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        PublicHoliday holiday = holiday(body, "", errors);
        throwIfAny(errors);
        return holiday;
    }

    /** A holiday's date as it stands in a path, e.g. {@code DELETE .../holidays/2026-12-24}. */
    public static LocalDate date(String text) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = date(text, "date", errors);
        throwIfAny(errors);
        return date;
    }

    /**
     * A policy. Targets are whole business minutes ({@code firstResponseMinutes}, {@code resolutionMinutes},
     * {@code keepInformedMinutes}): one unit on the wire, whatever the page shows them in.
     */
    public static ServiceLevelPolicy policy(String policyId, JsonNode body, PolicyReferences catalogue) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        Long order = whole(body, "order", 1, MAX_ORDER, true, errors);
        if (order != null) {
            catalogue.policyAt(order.intValue(), policyId).ifPresent(other -> errors.add(new FieldError("order",
                    "Policy " + other + " already has place " + order + " in the order. Choose a free place: the lowest "
                            + "place that fits a request decides its policy.")));
        }
        String serviceId = Ids.read(body.path("serviceId"), "serviceId", "service", errors);
        if (serviceId != null && !catalogue.hasService(serviceId)) {
            errors.add(new FieldError("serviceId", "There is no service " + serviceId
                    + " in the catalogue. Choose one of its services, or leave it out for any service."));
        }
        String priority = text(body.path("priority"));
        if (priority != null && Priority.fromWireName(priority).isEmpty()) {
            errors.add(new FieldError("priority", "Choose a priority of low, normal, high or urgent, or leave it out for any priority."));
        }
        Long firstResponse = whole(body, "firstResponseMinutes", 1, MAX_MINUTES, true, errors);
        Long resolution = whole(body, "resolutionMinutes", 1, MAX_MINUTES, true, errors);
        if (firstResponse != null && resolution != null && resolution < firstResponse) {
            errors.add(new FieldError("resolutionMinutes", "The resolution target must be at least the first response target."));
        }
        Long keepInformed = whole(body, "keepInformedMinutes", 1, MAX_MINUTES, false, errors);
        List<Integer> percents = warningPercents(body.path("warningPercents"), errors);
        String calendarId = Ids.read(body.path("calendarId"), "calendarId", "calendar", errors);
        if (calendarId != null && !catalogue.hasCalendar(calendarId)) {
            errors.add(new FieldError("calendarId", "There is no calendar " + calendarId
                    + ". Set the calendar up first, or leave it out for the council's."));
        }
        throwIfAny(errors);
        return new ServiceLevelPolicy(policyId, order.intValue(), serviceId, priority, Duration.ofMinutes(firstResponse),
                Duration.ofMinutes(resolution), keepInformed == null ? null : Duration.ofMinutes(keepInformed), percents,
                calendarId);
    }

    private static ZoneId zone(JsonNode node, List<FieldError> errors) {
        String text = text(node);
        // Region ids only (Australia/Sydney): an offset like +08:00 would miss daylight saving.
        if (text == null || !ZoneId.getAvailableZoneIds().contains(text)) {
            errors.add(new FieldError("timeZone", "Enter a time zone by its region name, for example Australia/Perth or Australia/Sydney."));
            return null;
        }
        return ZoneId.of(text);
    }

    private static Map<DayOfWeek, List<OpeningSpan>> openingHours(JsonNode node, List<FieldError> errors) {
        Map<DayOfWeek, List<OpeningSpan>> hours = new EnumMap<>(DayOfWeek.class);
        if (!node.isObject()) {
            errors.add(new FieldError("openingHours", "Send the opening hours per weekday, for example { \"monday\": [\"08:30-17:00\"] }."));
            return hours;
        }
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        Arrays.stream(DayOfWeek.values()).forEach(day -> days.put(dayName(day), day));
        node.fields().forEachRemaining(entry -> {
            String field = "openingHours." + entry.getKey();
            DayOfWeek day = days.get(entry.getKey());
            if (day == null) {
                errors.add(new FieldError(field, "Name each day in full and in lower case, monday to sunday."));
            } else if (!entry.getValue().isArray() || entry.getValue().size() > MAX_SPANS_A_DAY) {
                errors.add(new FieldError(field, "List up to " + MAX_SPANS_A_DAY + " spans such as 08:30-12:30, or none when closed."));
            } else {
                spans(day, entry.getValue(), field, errors).ifPresent(spans -> hours.put(day, spans));
            }
        });
        if (errors.stream().noneMatch(error -> error.field().startsWith("openingHours"))
                && hours.values().stream().allMatch(List::isEmpty)) {
            errors.add(new FieldError("openingHours", "Open the calendar on at least one day: a calendar that never opens cannot count time."));
        }
        return hours;
    }

    private static Optional<List<OpeningSpan>> spans(DayOfWeek day, JsonNode nodes, String field, List<FieldError> errors) {
        List<OpeningSpan> spans = new ArrayList<>();
        boolean readable = true;
        for (int i = 0; i < nodes.size(); i++) {
            String text = text(nodes.get(i));
            try {
                spans.add(OpeningSpan.parse(String.valueOf(text)));
            } catch (IllegalArgumentException | DateTimeException e) {
                readable = false;
                errors.add(new FieldError(field + "[" + i + "]", "Write each span as opening-closing on the 24-hour clock, "
                        + "opening first, for example 08:30-17:00 (00:00-00:00 is all day), not " + text + "."));
            }
        }
        if (!readable) {
            return Optional.empty();
        }
        try {
            return Optional.of(BusinessCalendar.inOrderWithoutOverlap(day, spans));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return Optional.empty();
        }
    }

    private static PublicHoliday holiday(JsonNode node, String prefix, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(prefix.isEmpty() ? "holiday" : prefix.substring(0, prefix.length() - 1),
                    "Each holiday is { date, name }."));
            return null;
        }
        LocalDate date = date(text(node.path("date")), prefix + "date", errors);
        String name = text(node.path("name"));
        if (name == null || name.isEmpty() || name.length() > MAX_HOLIDAY_NAME) {
            errors.add(new FieldError(prefix + "name", "Enter the holiday's name, up to " + MAX_HOLIDAY_NAME
                    + " characters, for example Kalamunda Show Day."));
            return null;
        }
        return date == null ? null : new PublicHoliday(date, name);
    }

    private static LocalDate date(String text, String field, List<FieldError> errors) {
        return DateInput.required(text, field, "Enter the date as year-month-day " + DateInput.YEARS + ", for example 2026-12-24.", errors);
    }

    private static List<Integer> warningPercents(JsonNode node, List<FieldError> errors) {
        List<Integer> percents = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return percents;
        }
        if (!node.isArray() || node.size() > MAX_WARNING_POINTS) {
            errors.add(new FieldError("warningPercents", "List up to " + MAX_WARNING_POINTS
                    + " warning points as shares of the target, for example [50, 75]."));
            return percents;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "warningPercents[" + i + "]";
            String message = "A warning point is a whole percent of the target from 1 to 99.";
            Long percent = NumberInput.requiredWhole(node.get(i), field, 1, 99, message, errors);
            if (percent == null) {
                continue;
            }
            if (!seen.add(percent.intValue())) {
                errors.add(new FieldError(field, percent + "% is listed twice; keep one."));
            } else {
                percents.add(percent.intValue());
            }
        }
        return percents;
    }

    private static Long whole(JsonNode body, String name, long min, long max, boolean required, List<FieldError> errors) {
        String message = name + " must be a whole number from " + min + " to " + max + ".";
        return required ? NumberInput.requiredWhole(body.path(name), name, min, max, message, errors)
                : NumberInput.whole(body.path(name), name, min, max, message, errors);
    }

    /** Trimmed text; null when absent, null or blank. */
    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }
}

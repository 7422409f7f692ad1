package io.civicdesk.seed;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One mapping of the catalogue file, read field by field: each value is checked, and each mistake is noted at its
 * path with what to write instead. A value that is wrong reads as null, so reading goes on and every mistake in
 * the file is found in one pass.
 */
final class Fields {
    private static final int FIRST_YEAR = DateInput.EARLIEST.getYear();
    private static final int LAST_YEAR = DateInput.LATEST.getYear();
    /** Longer is a typing mistake: a calendar or closures for twenty years is plenty to load at once. */
    private static final int MAX_YEARS = 20;
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");
    private static final String YEAR = "(\\d{4}|this year(?:\\s*([+-])\\s*(\\d{1,2}))?)";
    private static final Pattern YEARS = Pattern.compile(YEAR + "(?:\\s+to\\s+" + YEAR + ")?");
    static final Map<String, DayOfWeek> DAYS = days();

    private final JsonNode node;
    private final String path;
    private final Mistakes mistakes;

    private Fields(JsonNode node, String path, Mistakes mistakes) {
        this.node = node;
        this.path = path;
        this.mistakes = mistakes;
    }

    /**
     * The mapping at {@code path}, called {@code what} in mistakes ("a service"), with only the {@code known} fields;
     * null, with the mistake noted, when it is not a mapping.
     */
    static Fields of(JsonNode node, String path, Mistakes mistakes, String what, List<String> known) {
        if (node == null || !node.isObject()) {
            mistakes.add(path, "must be " + what + ": a mapping of its fields (" + String.join(", ", known) + "), not " + shown(node));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                mistakes.add(join(path, name), "\"" + name + "\" is not a field of " + what + closest(name, known)
                        + "; its fields are " + String.join(", ", known));
            }
        });
        return new Fields(node, path, mistakes);
    }

    String path(String name) {
        return join(path, name);
    }

    /** This mapping's own path. */
    String here() {
        return path;
    }

    /** The value as written, for a reader that checks it itself; absent when left out. */
    JsonNode raw(String name) {
        return node.path(name);
    }

    /** Whether the field is written (a YAML null counts as left out). */
    boolean has(String name) {
        return !node.path(name).isMissingNode() && !node.path(name).isNull();
    }

    void mistake(String name, String message) {
        mistakes.add(path(name), message);
    }

    /** Adds the {@code id} read from field {@code name} to {@code taken}, noting a mistake when an earlier {@code kind} has it. */
    void unique(String name, String id, Set<String> taken, String kind) {
        if (id != null && !taken.add(id)) {
            mistake(name, "\"" + id + "\" is already the id of another " + kind + "; give each its own");
        }
    }

    String text(String name, int maxLength) {
        return text(name, maxLength, true);
    }

    String optionalText(String name, int maxLength) {
        return text(name, maxLength, false);
    }

    private String text(String name, int maxLength, boolean required) {
        if (!present(name, required, "text of up to " + maxLength + " characters")) {
            return null;
        }
        return text(node.path(name), path(name), maxLength);
    }

    /** Text standing alone, e.g. a list's item. */
    private String text(JsonNode value, String at, int maxLength) {
        return text(value, at, maxLength, mistakes);
    }

    /** Text of up to {@code maxLength} characters at {@code at}, stripped; null, with the mistake noted, when it is not. */
    static String text(JsonNode value, String at, int maxLength, Mistakes mistakes) {
        if (!value.isTextual() || value.asText().isBlank()) {
            mistakes.add(at, "must be text of up to " + maxLength + " characters, not " + shown(value));
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            mistakes.add(at, "is " + text.length() + " characters long; keep it to " + maxLength);
            return null;
        }
        return text;
    }

    String id(String name) {
        if (!present(name, true, "an id of lower-case letters, digits and hyphens")) {
            return null;
        }
        JsonNode value = node.path(name);
        if (!value.isTextual() || !Ids.isId(value.asText())) {
            mistake(name, shown(value) + " is not an id: write up to " + Ids.MAX_LENGTH + " lower-case letters, digits and hyphens, "
                    + "for example missed-bin");
            return null;
        }
        return value.asText();
    }

    Long whole(String name, long min, long max) {
        return whole(name, min, max, true);
    }

    Long whole(String name, long min, long max, boolean required) {
        if (!present(name, required, "a whole number from " + min + " to " + max)) {
            return null;
        }
        JsonNode value = node.path(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            mistake(name, "must be a whole number from " + min + " to " + max + ", not " + shown(value));
            return null;
        }
        return value.asLong();
    }

    /** A number that may have a fraction, e.g. 0.5; null when left out. */
    Double optionalNumber(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.path(name);
        if (!value.isNumber()) {
            mistake(name, "must be a number, for example 0.5, not " + shown(value));
            return null;
        }
        return value.asDouble();
    }

    boolean flag(String name, boolean whenLeftOut) {
        if (!has(name)) {
            return whenLeftOut;
        }
        JsonNode value = node.path(name);
        if (!value.isBoolean()) {
            mistake(name, "must be true or false, not " + shown(value));
            return whenLeftOut;
        }
        return value.asBoolean();
    }

    /** A list of short texts, each said once; empty when left out. */
    List<String> texts(String name, int maxLength, int maxCount) {
        List<String> texts = new ArrayList<>();
        for (Item item : list(name, false, maxCount, "texts")) {
            String text = text(item.value(), item.path(), maxLength);
            if (text != null && texts.contains(text)) {
                mistakes.add(item.path(), "\"" + text + "\" is listed twice; keep one");
            } else if (text != null) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** A list's items with their paths; none (the mistake noted) when it is not a list. */
    List<Item> list(String name, boolean required, int maxCount, String ofWhat) {
        if (!present(name, required, "a list of " + ofWhat)) {
            return List.of();
        }
        JsonNode value = node.path(name);
        if (!value.isArray() || value.size() > maxCount || (required && value.isEmpty())) {
            mistake(name, "must be a list of " + (required ? "1" : "0") + " to " + maxCount + " " + ofWhat + ", not " + shown(value));
            return List.of();
        }
        return IntStream.range(0, value.size()).mapToObj(i -> new Item(value.get(i), path(name) + "[" + i + "]", i)).toList();
    }

    /** A nested mapping; null when left out (noted if required) or not a mapping. */
    Fields object(String name, boolean required, String what, List<String> known) {
        if (!present(name, required, what)) {
            return null;
        }
        return of(node.path(name), path(name), mistakes, what, known);
    }

    /** One of a set of words, e.g. a question type. */
    <T> T choice(String name, Map<String, T> choices, String what) {
        if (!present(name, true, "one of " + String.join(", ", choices.keySet()))) {
            return null;
        }
        JsonNode value = node.path(name);
        T chosen = value.isTextual() ? choices.get(value.asText()) : null;
        if (chosen == null) {
            mistake(name, shown(value) + " is not " + what + "; choose one of " + String.join(", ", choices.keySet()));
        }
        return chosen;
    }

    /** A time zone by its region name; an offset such as +08:00 would miss daylight saving. */
    ZoneId zone(String name) {
        if (!present(name, true, "a time zone such as Australia/Perth")) {
            return null;
        }
        JsonNode value = node.path(name);
        if (!value.isTextual() || !ZoneId.getAvailableZoneIds().contains(value.asText())) {
            mistake(name, shown(value) + " is not a time zone: write its region name, for example Australia/Perth or Australia/Sydney");
            return null;
        }
        return ZoneId.of(value.asText());
    }

    /** A date as the product takes one anywhere (platform DateInput); null when left out. */
    LocalDate date(String name) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = DateInput.read(raw(name), path(name), shown(raw(name)) + " is not a date: write year-month-day "
                + DateInput.YEARS + ", for example 2026-12-24", errors);
        errors.forEach(error -> mistakes.add(error.field(), error.message()));
        return date;
    }

    /** A day of every year, e.g. {@code 12-24} for 24 December. */
    MonthDay monthDay(String name) {
        if (!present(name, true, "a month and day such as 12-24")) {
            return null;
        }
        JsonNode value = node.path(name);
        Matcher parts = value.isTextual() ? MONTH_DAY.matcher(value.asText()) : null;
        try {
            if (parts != null && parts.matches()) {
                return MonthDay.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)));
            }
        } catch (DateTimeException e) {
            // reported below, with what to write instead
        }
        mistake(name, shown(value) + " is not a day of the year: write month-day, for example 12-24 for 24 December");
        return null;
    }

    /** A time of day on the 24-hour clock, e.g. 08:00. */
    LocalTime time(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode value = node.path(name);
        try {
            if (value.isTextual() && TIME.matcher(value.asText()).matches()) {
                return LocalTime.parse(value.asText());
            }
        } catch (DateTimeException e) {
            // reported below, with what to write instead
        }
        mistake(name, shown(value) + " is not a time: write hours:minutes on the 24-hour clock, for example 08:00 or 17:30");
        return null;
    }

    /**
     * Years: {@code 2026}, {@code 2026 to 2028}, or counted from the year the file is loaded in, so a file loaded
     * again next year moves with it: {@code this year}, {@code this year - 1 to this year + 1}.
     */
    List<Integer> years(String name, int thisYear) {
        if (!present(name, true, "years such as this year to this year + 1")) {
            return List.of();
        }
        JsonNode value = node.path(name);
        Matcher years = YEARS.matcher(value.isNumber() || value.isTextual() ? value.asText().strip() : "");
        String example = "; write a year or a span of years, for example 2027, 2026 to 2028, or this year - 1 to this year + 1";
        if (!years.matches()) {
            mistake(name, shown(value) + " is not a year or years" + example);
            return List.of();
        }
        int from = year(years.group(1), years.group(2), years.group(3), thisYear);
        int to = years.group(4) == null ? from : year(years.group(4), years.group(5), years.group(6), thisYear);
        if (from < FIRST_YEAR || to > LAST_YEAR || to < from || to - from >= MAX_YEARS) {
            mistake(name, shown(value) + " is " + from + (to == from ? "" : " to " + to) + ": the years run forward, from "
                    + FIRST_YEAR + " to " + LAST_YEAR + ", at most " + MAX_YEARS + " of them" + example);
            return List.of();
        }
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static int year(String written, String sign, String count, int thisYear) {
        if (!written.startsWith("this year")) {
            return Integer.parseInt(written);
        }
        int offset = count == null ? 0 : Integer.parseInt(count);
        return "-".equals(sign) ? thisYear - offset : thisYear + offset;
    }

    /** Whether to read the field: false when it is left out, noting that as a mistake if it is required. */
    private boolean present(String name, boolean required, String expected) {
        if (has(name)) {
            return true;
        }
        if (required) {
            mistake(name, "is missing: write " + expected);
        }
        return false;
    }

    /** A list's item, its path and its place in the list from 0. */
    record Item(JsonNode value, String path, int index) {
    }

    /** Weekdays by their lower-case English names, monday first, as the admin pages and API name them. */
    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> days = new LinkedHashMap<>();
        Arrays.stream(DayOfWeek.values()).forEach(day -> days.put(day.name().toLowerCase(Locale.ROOT), day));
        return days;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A value as the mistake quotes it: text in quotes, numbers as they are, anything else by its kind. */
    static String shown(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return "\"" + value.asText() + "\"";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        return value.asText();
    }

    /** A field name one or two keystrokes from a known one is most likely that one mistyped. */
    private static String closest(String name, List<String> known) {
        return known.stream().filter(candidate -> distance(name, candidate) <= 2)
                .min(Comparator.comparingInt(candidate -> distance(name, candidate)))
                .map(candidate -> " (did you mean " + candidate + "?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = IntStream.rangeClosed(0, b.length()).toArray();
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}

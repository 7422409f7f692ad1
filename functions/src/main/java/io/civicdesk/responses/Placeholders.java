package io.civicdesk.responses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a template may hold, filled in once when an officer picks it; the officer edits the result and
 * what is sent is what they saw, never filled again.
 */
public record Placeholders(String name, String reference, String service, String officer, String due) {
    public static final List<String> NAMES = List.of("name", "reference", "service", "officer", "due");
    private static final Pattern PLACEHOLDER = Pattern.compile("( ?)\\{([^{}\\s]*)}");

    /** The placeholders in {@code text} that are not one of {@link #NAMES}, as written. */
    static List<String> unknown(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(2))) {
                unknown.add(matcher.group().strip());
            }
        }
        return unknown;
    }

    String fill(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("reference", reference);
        values.put("service", service);
        values.put("officer", officer);
        values.put("due", due);
        StringBuilder out = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            // A resident who gave no name is greeted "Hello," not "Hello ,".
            String value = values.get(matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isBlank() ? "" : matcher.group(1) + value));
        }
        return matcher.appendTail(out).toString();
    }
}

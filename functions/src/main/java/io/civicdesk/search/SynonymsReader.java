package io.civicdesk.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /staff/synonyms}: {@code {"groups": [["rubbish", "waste"], ...], "version": n}}, the
 * version being the one the administrator read. Each mistake is named by its place, e.g. {@code groups[2][1]}.
 */
final class SynonymsReader {
    static final int MOST_GROUPS = 200;
    static final int MOST_WORDS = 20;
    static final int LONGEST_WORD = 40;
    /** Words and short phrases: letters, with spaces, hyphens and apostrophes between them ("nature strip"). */
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:[ '\\-]\\p{L}+)*");

    record Change(Synonyms synonyms, long version) {
    }

    private SynonymsReader() {
    }

    static Change read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the synonyms as a JSON object with groups and version.");
        }
        List<FieldError> errors = new ArrayList<>();
        Long version = NumberInput.requiredWhole(body.path("version"), "version", 0, Long.MAX_VALUE,
                "Send the version you were shown, so a change made meanwhile is not undone.", errors);
        JsonNode groups = body.path("groups");
        List<List<String>> read = new ArrayList<>();
        if (!groups.isArray()) {
            errors.add(new FieldError("groups", "Give the groups as a list of lists of words."));
        } else if (groups.size() > MOST_GROUPS) {
            errors.add(new FieldError("groups", "Keep to at most " + MOST_GROUPS + " groups."));
        } else {
            Map<String, Integer> groupOf = new HashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                read.add(group(groups.get(g), g, groupOf, errors));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Change(new Synonyms(read), version);
    }

    private static List<String> group(JsonNode group, int g, Map<String, Integer> groupOf, List<FieldError> errors) {
        String field = "groups[" + g + "]";
        if (!group.isArray() || group.size() < 2 || group.size() > MOST_WORDS) {
            errors.add(new FieldError(field, "A group is a list of 2 to " + MOST_WORDS + " words that mean the same."));
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (int w = 0; w < group.size(); w++) {
            String place = field + "[" + w + "]";
            JsonNode value = group.get(w);
            String word = value.isTextual() ? value.asText().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) : "";
            if (word.isEmpty() || word.length() > LONGEST_WORD || !WORD.matcher(word).matches()) {
                errors.add(new FieldError(place, "Write a word or short phrase of up to " + LONGEST_WORD
                        + " letters, with spaces, hyphens or apostrophes between words only."));
            } else if (words.contains(word)) {
                errors.add(new FieldError(place, "\"" + word + "\" is already in this group."));
            } else if (groupOf.containsKey(word)) {
                errors.add(new FieldError(place, "\"" + word + "\" is already in group " + (groupOf.get(word) + 1)
                        + ": put a word in one group only."));
            } else {
                words.add(word);
                groupOf.put(word, g);
            }
        }
        return words;
    }
}

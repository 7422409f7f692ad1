package io.civicdesk.catalog;

import java.util.List;

/**
 * A question a service asks. Text limits default by type; number bounds are optional; choices list their
 * options in the order shown.
 */
public record Question(String id, String label, QuestionType type, boolean required, String help,
                       List<String> options, int order, Integer maxLength, Double min, Double max) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        if (type.isChoice() && options.isEmpty()) {
            throw new IllegalArgumentException("Question " + id + " offers no options");
        }
    }

    public int effectiveMaxLength() {
        return maxLength != null ? maxLength : type.defaultMaxLength();
    }
}

package io.civicdesk.guides;

import java.util.List;

/** One question in a guided conversation, with the 2 to 6 answers a resident chooses from, in the order shown. */
public record GuideStep(String stepId, String question, List<GuideAnswer> answers) {
    public static final int FEWEST_ANSWERS = 2;
    public static final int MOST_ANSWERS = 6;

    public GuideStep {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}

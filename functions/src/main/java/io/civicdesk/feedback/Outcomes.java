package io.civicdesk.feedback;

import java.util.Map;

/** The findings a complaint (or its review) can end with, and their words. */
final class Outcomes {
    static final Map<String, String> LABELS = Map.of(
            "upheld", "upheld", "partly-upheld", "partly upheld", "not-upheld", "not upheld");

    private Outcomes() {
    }

    static String label(String outcome) {
        return LABELS.getOrDefault(outcome, outcome);
    }
}

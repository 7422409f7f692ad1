package io.civicdesk.requests;

import java.util.List;

/**
 * An answer as stored on the request, with the question's wording at the time it was asked, so a later
 * change to the catalogue never rewrites what the resident was asked.
 */
public record Answer(String questionId, String question, List<String> values) {
    public Answer {
        values = List.copyOf(values);
    }

    public String text() {
        return String.join(", ", values);
    }
}

package io.civicdesk.feedback;

import io.civicdesk.figures.Scored;

/**
 * A resident's answer to the survey after service: how satisfied (five faces, 1 to 5), how likely to recommend
 * the council's service (0 to 10, optional) and an optional comment.
 */
public record SurveyAnswer(int satisfaction, Integer recommend, String comment) implements Scored {
    public static final int MAX_COMMENT = 1000;

    public SurveyAnswer {
        if (satisfaction < 1 || satisfaction > 5 || recommend != null && (recommend < 0 || recommend > 10)) {
            throw new IllegalArgumentException("score out of range");
        }
    }
}

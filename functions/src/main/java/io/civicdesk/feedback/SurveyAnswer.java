package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.figures.Scored;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;

import java.util.ArrayList;
import java.util.List;

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

    /** @throws Refusal 400 naming every field that is wrong */
    public static SurveyAnswer read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the answer as a JSON object.");
        }
        Integer satisfaction = Fields.score(body, "satisfaction", 1, 5, true, "how satisfied you are", errors);
        Integer recommend = Fields.score(body, "recommend", 0, 10, false, "how likely you are to recommend us", errors);
        String comment = Fields.text(body, "comment", MAX_COMMENT, "Your comment", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new SurveyAnswer(satisfaction, recommend, comment);
    }
}

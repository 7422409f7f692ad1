package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.List;

/** An answer to the survey after service, as {@code POST /surveys/{reference}/answers} sends it. */
public final class SurveyAnswerReader {
    private SurveyAnswerReader() {
    }

    /** @throws Refusal 400 naming every field that is wrong */
    public static SurveyAnswer answer(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        object(body);
        Integer satisfaction = Fields.score(body, "satisfaction", 1, 5, true, "how satisfied you are", errors);
        Integer recommend = Fields.score(body, "recommend", 0, 10, false, "how likely you are to recommend us", errors);
        String comment = Fields.text(body, "comment", SurveyAnswer.MAX_COMMENT, "Your comment", errors);
        checked(errors);
        return new SurveyAnswer(satisfaction, recommend, comment);
    }

    static void object(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the answer as a JSON object.");
        }
    }

    static void checked(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }
}

package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;

import java.util.ArrayList;
import java.util.List;

import static io.civicdesk.feedback.SurveyAnswerReader.checked;
import static io.civicdesk.feedback.SurveyAnswerReader.object;

/** The counter tablet's bodies: a tap ({@code POST /counter/answers}) and a tablet to issue a key for. */
public final class CounterReader {
    public static final int MAX_REASON = 500;
    /** A tablet's name is how staff tell the counters apart, e.g. "Front counter, Civic Centre". */
    private static final int MAX_TABLET_NAME = 100;

    private CounterReader() {
    }

    /** A tablet an administrator issues a key for. */
    public record Tablet(String unitId, String name) {
    }

    /** A tap on the counter tablet: a face, and an optional reason. */
    public static SurveyAnswer tap(JsonNode body) {
        object(body);
        List<FieldError> errors = new ArrayList<>();
        Integer satisfaction = Fields.score(body, "satisfaction", 1, 5, true, "a face", errors);
        String reason = Fields.text(body, "reason", MAX_REASON, "The reason", errors);
        checked(errors);
        return new SurveyAnswer(satisfaction, null, reason);
    }

    public static Tablet tablet(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String unitId = Ids.read(body.path("unitId"), "unitId", "unit", errors);
        String name = Fields.text(body, "name", MAX_TABLET_NAME, "The tablet's name", errors);
        if (errors.isEmpty() && (unitId == null || name == null)) {
            errors.add(new FieldError(unitId == null ? "unitId" : "name", "Give the unit and a name for the tablet."));
        }
        checked(errors);
        return new Tablet(unitId, name);
    }
}

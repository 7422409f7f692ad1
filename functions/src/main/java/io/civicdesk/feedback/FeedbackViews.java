package io.civicdesk.feedback;

import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of feedback's idempotent POSTs, as JSON: written once, when the change is made, and kept verbatim
 * with its idempotency key so that a retry is given exactly the same.
 */
final class FeedbackViews {
    private static final String THANKS = "Thank you. Your answer has been recorded.";

    private FeedbackViews() {
    }

    /** A complaint received: its reference, its private link and its targets. */
    static Idempotency.Answer complaintReceived(Complaint complaint, String privateLink) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", FeedbackForm.COMPLAINT);
        answer.put("reference", complaint.reference());
        answer.put("displayReference", FeedbackMails.display(complaint.reference()));
        answer.put("privateLink", privateLink);
        answer.put("targets", Map.of("acknowledgeBy", complaint.acknowledgeBy().toString(),
                "answerBy", complaint.answerBy().toString()));
        return created(answer);
    }

    /** A compliment or suggestion passed to the team concerned. */
    static Idempotency.Answer passedOn(String kind) {
        return created(Map.of("kind", kind, "message", "Thank you. Your " + kind + " has been passed to the team concerned."));
    }

    static Idempotency.Answer surveyAnswered(SurveyService.SurveyView survey) {
        return created(Map.of("survey", survey, "message", THANKS));
    }

    static Idempotency.Answer tapRecorded() {
        return created(Map.of("message", THANKS));
    }

    private static Idempotency.Answer created(Object body) {
        return new Idempotency.Answer(201, Json.write(body));
    }
}

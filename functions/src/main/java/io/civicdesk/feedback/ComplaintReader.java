package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.List;

/** The bodies of the complaint routes: a complainant's reason for a review, and staff's acknowledgement and answer. */
public final class ComplaintReader {
    private ComplaintReader() {
    }

    /** Why the complainant asks for a review: required. */
    public static String reviewReason(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String reason = Fields.text(body, "reason", FeedbackReader.MAX_MESSAGE, "Your reason", errors);
        if (reason == null && errors.isEmpty()) {
            errors.add(new FieldError("reason", "Tell us why you are not satisfied with our answer."));
        }
        return checked(reason, errors);
    }

    /** The acknowledgement's own words to the complainant, if any. */
    public static String acknowledgement(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        return checked(Fields.text(body, "message", FeedbackReader.MAX_MESSAGE, "The message", errors), errors);
    }

    /** An investigation note: required, at most {@link ComplaintNote#MAX_NOTE} characters. */
    public static String note(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String note = Fields.text(body, "note", ComplaintNote.MAX_NOTE, "The note", errors);
        if (note == null && errors.isEmpty()) {
            errors.add(new FieldError("note", "Write the note: what you found or did."));
        }
        return checked(note, errors);
    }

    public static ComplaintService.Finding finding(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String outcome = Fields.text(body, "outcome");
        if (outcome == null || !Outcomes.LABELS.containsKey(outcome)) {
            errors.add(new FieldError("outcome", "Choose upheld, partly upheld or not upheld."));
        }
        String reasons = Fields.text(body, "reasons", FeedbackReader.MAX_MESSAGE, "The reasons", errors);
        if (reasons == null && errors.stream().noneMatch(e -> e.field().equals("reasons"))) {
            errors.add(new FieldError("reasons", "Give the reasons for the outcome: they are sent to the complainant."));
        }
        return checked(new ComplaintService.Finding(outcome, reasons), errors);
    }

    private static <T> T checked(T read, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return read;
    }
}

package io.civicdesk.agencyissues;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.agencyissues.AgencyIssue.Action;
import io.civicdesk.platform.DateInput;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.TextInput;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the agency log's bodies: an issue ({@code {title, detail, raisedBy}}), a step on one
 * ({@code {action: escalate|note|resolve, note, version}}) and a meeting's note ({@code {held, kind: forum|
 * service-meeting|review, attendees: [..], notes, actions}}). Every mistake is named by its field.
 */
public final class AgencyIssueReader {
    static final int MAX_TITLE = 120;
    static final int MAX_TEXT = 4_000;
    static final int MAX_NOTES = 8_000;
    static final int MAX_ATTENDEES = 30;
    private static final Map<String, Action> STEPS = Map.of("escalate", Action.ESCALATED, "note", Action.NOTE,
            "resolve", Action.RESOLVED);

    private AgencyIssueReader() {
    }

    /** @param raisedBy the email of the agency's contact who raised it; null when the account manager raised it herself */
    public record IssueForm(String title, String detail, String raisedBy) {
    }

    public record StepForm(Action action, String note, long version) {
    }

    public record MeetingForm(LocalDate held, MeetingNote.Kind kind, List<String> attendees, String notes, String actions) {
    }

    public static IssueForm issue(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        String title = required(body.path("title"), "title", "The issue's title", MAX_TITLE, "Give the issue a short title.", errors);
        String detail = required(body.path("detail"), "detail", "The detail", MAX_TEXT,
                "Say what the issue is: what happened, and what the agency needs.", errors);
        String raisedBy = TextInput.optional(body.path("raisedBy"), "raisedBy", "Who raised it", 254, errors);
        check(errors);
        return new IssueForm(title, detail, raisedBy);
    }

    public static StepForm step(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        Action action = body.path("action").isTextual() ? STEPS.get(body.path("action").asText()) : null;
        if (action == null) {
            errors.add(new FieldError("action", "Choose what to do: escalate, note or resolve."));
        }
        String note = TextInput.optional(body.path("note"), "note", "The note", MAX_TEXT, errors);
        if (note == null && action != null && action != Action.ESCALATED && errors.stream().noneMatch(e -> e.field().equals("note"))) {
            errors.add(new FieldError("note", action == Action.RESOLVED ? "Say how the issue was resolved." : "Write the note."));
        }
        Long version = NumberInput.requiredWhole(body.path("version"), "version", 1, Long.MAX_VALUE,
                "Give the version of the issue you read.", errors);
        check(errors);
        return new StepForm(action, note, version);
    }

    public static MeetingForm meeting(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        LocalDate held = DateInput.required(body.path("held"), "held", "Give the day the meeting was held, as YYYY-MM-DD.", errors);
        MeetingNote.Kind kind = body.path("kind").isTextual() ? MeetingNote.Kind.fromWireName(body.path("kind").asText()).orElse(null) : null;
        if (kind == null) {
            errors.add(new FieldError("kind", "Choose the kind of meeting: forum, service-meeting or review."));
        }
        List<String> attendees = attendees(body.path("attendees"), errors);
        String notes = required(body.path("notes"), "notes", "The notes", MAX_NOTES, "Write what was discussed.", errors);
        String actions = TextInput.optional(body.path("actions"), "actions", "The actions", MAX_TEXT, errors);
        check(errors);
        return new MeetingForm(held, kind, attendees, notes, actions);
    }

    private static List<String> attendees(JsonNode node, List<FieldError> errors) {
        List<String> attendees = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("attendees", "Name at least one person who attended."));
            return attendees;
        }
        if (node.size() > MAX_ATTENDEES) {
            errors.add(new FieldError("attendees", "Name at most " + MAX_ATTENDEES + " attendees."));
            return attendees;
        }
        for (int i = 0; i < node.size(); i++) {
            String name = required(node.get(i), "attendees[" + i + "]", "An attendee's name", 120, "Give the attendee's name.", errors);
            if (name != null) {
                attendees.add(name);
            }
        }
        return attendees;
    }

    private static String required(JsonNode value, String field, String label, int max, String missing, List<FieldError> errors) {
        String text = TextInput.optional(value, field, label, max, errors);
        if (text == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, missing));
        }
        return text;
    }

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
    }
}

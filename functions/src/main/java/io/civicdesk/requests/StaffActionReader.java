package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads an officer's action ({@code POST /staff/requests/{reference}/actions}) into a {@link StaffAction}. */
public final class StaffActionReader {
    private StaffActionReader() {
    }

    public static StaffAction read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode actionNode = body.path("action");
        String action = actionNode.isTextual() ? actionNode.asText().strip() : null;
        if (action == null || !StaffAction.FIELDS.containsKey(action)) {
            throw Refusal.invalid("action", "Choose an action: " + String.join(", ", StaffAction.FIELDS.keySet()) + ".");
        }
        Long expectedVersion = NumberInput.requiredWhole(body.path("expectedVersion"), "expectedVersion", 1, Long.MAX_VALUE,
                "Send the version of the request you saw (expectedVersion, a whole number from 1).", errors);
        Set<String> allowed = StaffAction.FIELDS.get(action);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("action") && !name.equals("expectedVersion") && !allowed.contains(name)) {
                errors.add(new FieldError(name, "The " + action + " action does not take " + name + "."));
            }
        }
        String status = text(body, "status", "The status", 40, false, errors);
        String publicMessage = text(body, "publicMessage", "The public update", StaffAction.MAX_PUBLIC_MESSAGE, action.equals("message"), errors);
        String note = text(body, "note", "The note", StaffAction.MAX_NOTE, action.equals("note"), errors);
        String resolution = text(body, "resolution", "The resolution", StaffAction.MAX_PUBLIC_MESSAGE, action.equals("resolve"), errors);
        if (action.equals("status") && status == null && !hasError(errors, "status")) {
            errors.add(new FieldError("status", "Choose the status to move to."));
        }
        JsonNode officerNode = body.path("officerId");
        boolean officerIdGiven = !officerNode.isMissingNode();
        String officerId = Ids.read(officerNode, "officerId", "member of staff", errors);
        if (officerIdGiven && !officerNode.isNull() && officerId == null && !hasError(errors, "officerId")) {
            errors.add(new FieldError("officerId", "officerId is a member of staff's id, or null to unassign."));
        }
        String unitId = Ids.read(body.path("unitId"), "unitId", "unit", errors);
        if (action.equals("assign") && !officerIdGiven && unitId == null && !hasError(errors, "unitId")) {
            errors.add(new FieldError("officerId", "Choose an officer to assign it to, or a unit to refer it to."));
        }
        Priority priority = null;
        JsonNode priorityNode = body.path("priority");
        if (action.equals("priority")) {
            priority = priorityNode.isTextual() ? Priority.fromWireName(priorityNode.asText().strip()).orElse(null) : null;
            if (priority == null) {
                errors.add(new FieldError("priority", "Choose a priority: low, normal, high or urgent."));
            }
        }
        Reference original = null;
        if (action.equals("duplicate")) {
            JsonNode originalNode = body.path("originalReference");
            original = originalNode.isTextual() ? Reference.parse(originalNode.asText()).orElse(null) : null;
            if (original == null) {
                errors.add(new FieldError("originalReference",
                        "Give the reference of the request this one duplicates: 8 letters and numbers, like K7MP-3QXR."));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new StaffAction(action, expectedVersion, status, publicMessage, note, officerId, officerIdGiven,
                unitId, priority, original, resolution);
    }

    /** Trimmed text: absent is null; present but empty, not text or too long is an error. */
    private static String text(JsonNode body, String field, String label, int maxLength, boolean required, List<FieldError> errors) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                errors.add(new FieldError(field, label + " is needed for this action."));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(field, label + " must be text."));
            return null;
        }
        String text = value.asText().strip();
        if (text.isEmpty()) {
            errors.add(new FieldError(field, label + " is empty. Write something, or leave it out."));
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            errors.add(new FieldError(field, label + " must be " + String.format("%,d", maxLength) + " characters or fewer."));
            return null;
        }
        return text;
    }

    private static boolean hasError(List<FieldError> errors, String field) {
        return errors.stream().anyMatch(error -> error.field().equals(field));
    }
}

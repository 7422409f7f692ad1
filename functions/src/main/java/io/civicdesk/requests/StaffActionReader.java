package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.StaffAction.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Reads an officer's action ({@code POST /staff/requests/{reference}/actions}) into a {@link StaffAction}. */
public final class StaffActionReader {
    private StaffActionReader() {
    }

    /** The request a staff route names, as its {@code {reference}}. */
    public static Reference reference(HttpRequest request) {
        return Reference.parse(request.pathParameter("reference")).orElseThrow(() -> Refusal.invalid("reference",
                "A reference is 8 letters and numbers, like K7MP-3QXR."));
    }

    public static StaffAction read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        JsonNode actionNode = body.path("action");
        Kind kind = Kind.fromWireName(actionNode.isTextual() ? actionNode.asText().strip() : null)
                .orElseThrow(() -> Refusal.invalid("action", "Choose an action: " + String.join(", ",
                        Arrays.stream(Kind.values()).map(Kind::wireName).toList()) + "."));
        Long expectedVersion = NumberInput.requiredWhole(body.path("expectedVersion"), "expectedVersion", 1, Long.MAX_VALUE,
                "Send the version of the request you saw (expectedVersion, a whole number from 1).", errors);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("action") && !name.equals("expectedVersion") && !kind.fields().contains(name)) {
                errors.add(new FieldError(name, "The " + kind.wireName() + " action does not take " + name + "."));
            }
        }
        String status = text(body, "status", "The status", 40, false, errors);
        String publicMessage = text(body, "publicMessage", "The public update", StaffAction.MAX_PUBLIC_MESSAGE, kind == Kind.MESSAGE, errors);
        String note = text(body, "note", "The note", StaffAction.MAX_NOTE, kind == Kind.NOTE, errors);
        String resolution = text(body, "resolution", "The resolution", StaffAction.MAX_PUBLIC_MESSAGE, kind == Kind.RESOLVE, errors);
        String reason = text(body, "reason", "The reason", StaffAction.MAX_REASON, kind == Kind.REFER || kind == Kind.SEND_BACK, errors);
        if (kind == Kind.STATUS && status == null && !hasError(errors, "status")) {
            errors.add(new FieldError("status", "Choose the status to move to."));
        }
        JsonNode officerNode = body.path("officerId");
        boolean officerIdGiven = !officerNode.isMissingNode();
        String officerId = Ids.read(officerNode, "officerId", "member of staff", errors);
        if (officerIdGiven && !officerNode.isNull() && officerId == null && !hasError(errors, "officerId")) {
            errors.add(new FieldError("officerId", "officerId is a member of staff's id, or null to unassign."));
        }
        String unitId = Ids.read(body.path("unitId"), "unitId", "unit", errors);
        if (kind == Kind.ASSIGN && !officerIdGiven && unitId == null && !hasError(errors, "unitId")) {
            errors.add(new FieldError("officerId", "Choose an officer to assign it to, or a unit to refer it to."));
        }
        if (kind == Kind.REFER && unitId == null && !hasError(errors, "unitId")) {
            errors.add(new FieldError("unitId", "Choose the unit to refer it to."));
        }
        Priority priority = null;
        JsonNode priorityNode = body.path("priority");
        if (kind == Kind.PRIORITY) {
            priority = priorityNode.isTextual() ? Priority.fromWireName(priorityNode.asText().strip()).orElse(null) : null;
            if (priority == null) {
                errors.add(new FieldError("priority", "Choose a priority: low, normal, high or urgent."));
            }
        }
        Reference original = null;
        if (kind == Kind.DUPLICATE) {
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
        return new StaffAction(kind, expectedVersion, status, publicMessage, note, officerId, officerIdGiven,
                unitId, priority, original, resolution, reason);
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

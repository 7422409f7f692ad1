package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.Reference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a supervisor's plan of an officer's day ({@code PUT /staff/day-plans/{staffId}/{date}}). */
public final class DayPlanReader {
    private DayPlanReader() {
    }

    /** Reads a plan's body; 400 naming each field that is wrong (references[2], expectedVersion). */
    public static DayPlans.Planned planned(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("references");
        List<Reference> references = new ArrayList<>();
        if (list == null || !list.isArray()) {
            errors.add(new FieldError("references", "references is a list of the requests to visit, in order."));
        } else if (list.size() > DayPlans.MAX_VISITS) {
            errors.add(new FieldError("references", "A day holds at most " + DayPlans.MAX_VISITS + " visits."));
        } else {
            Set<Reference> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Optional<Reference> reference = list.get(i).isTextual() ? Reference.parse(list.get(i).asText()) : Optional.empty();
                if (reference.isEmpty()) {
                    errors.add(new FieldError("references[" + i + "]", "A reference is 8 letters and numbers, like K7MP-3QXR."));
                } else if (!seen.add(reference.get())) {
                    errors.add(new FieldError("references[" + i + "]", reference.get().display() + " is already in the plan."));
                } else {
                    references.add(reference.get());
                }
            }
        }
        JsonNode version = body == null ? null : body.get("expectedVersion");
        if (version == null || !version.isIntegralNumber() || version.asLong() < 0) {
            errors.add(new FieldError("expectedVersion", "expectedVersion is the plan's version as you read it (0 for a day not yet planned)."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new DayPlans.Planned(references, version.asLong());
    }

}

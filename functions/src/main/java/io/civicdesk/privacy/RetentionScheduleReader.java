package io.civicdesk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An administrator's change to the retention schedule: {@code {"expectedVersion": 3, "days": {"requests": 2557}}}.
 * Each period is a whole number of days from {@link RecordKind#MIN_DAYS} to {@link RecordKind#MAX_DAYS}; a kind
 * left out keeps its period. Every mistake is named by its field ({@code days.requests}).
 */
public final class RetentionScheduleReader {
    private RetentionScheduleReader() {
    }

    public record Change(Map<RecordKind, Integer> days, long expectedVersion) {
    }

    public static Change read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw Refusal.invalid("body", "Send the schedule as a JSON object.");
        }
        Long version = NumberInput.requiredWhole(body.path("expectedVersion"), "expectedVersion", 0, Long.MAX_VALUE - 1,
                "Give the version of the schedule you changed (expectedVersion), from when you opened it.", errors);
        Map<RecordKind, Integer> days = new EnumMap<>(RecordKind.class);
        JsonNode periods = body.path("days");
        if (!periods.isObject() || periods.isEmpty()) {
            errors.add(new FieldError("days", "Give at least one period, in days, by kind of record, like {\"requests\": 2557}."));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> fields = periods.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = "days." + field.getKey();
                RecordKind.fromWireName(field.getKey()).ifPresentOrElse(kind -> {
                    Long value = NumberInput.requiredWhole(field.getValue(), name, RecordKind.MIN_DAYS, RecordKind.MAX_DAYS,
                            kind.label() + ": give a whole number of days from " + RecordKind.MIN_DAYS + " to "
                                    + RecordKind.MAX_DAYS + ".", errors);
                    if (value != null) {
                        days.put(kind, value.intValue());
                    }
                }, () -> errors.add(new FieldError(name.length() > 60 ? "days" : name, "There is no such kind of record.")));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new Change(days, version);
    }
}

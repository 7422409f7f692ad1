package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.ReferralTargets;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code PUT /staff/referral-targets}: {@code {defaultHours, pairs: [{fromUnitId, toUnitId, hours}], version}}. */
final class ReferralTargetReader {
    private static final int MAX_PAIRS = 400;

    private ReferralTargetReader() {
    }

    static ReferralTargets targets(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        String hoursRule = "a whole number of business hours from 1 to " + ReferralTargets.MAX_HOURS;
        Long defaultHours = NumberInput.requiredWhole(body.path("defaultHours"), "defaultHours", 1, ReferralTargets.MAX_HOURS,
                "The default target is " + hoursRule + ".", errors);
        Long version = NumberInput.requiredWhole(body.path("version"), "version", 0, Long.MAX_VALUE,
                "Send the version of the targets you saw (version, a whole number from 0).", errors);
        List<ReferralTargets.Pair> pairs = new ArrayList<>();
        JsonNode list = body.path("pairs");
        if (!list.isMissingNode() && !list.isNull() && (!list.isArray() || list.size() > MAX_PAIRS)) {
            errors.add(new FieldError("pairs", "pairs is a list of at most " + MAX_PAIRS + " {fromUnitId, toUnitId, hours}."));
        } else if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode pair = list.get(i);
                String at = "pairs[" + i + "].";
                String from = Ids.read(pair.path("fromUnitId"), at + "fromUnitId", "unit", errors);
                String to = Ids.read(pair.path("toUnitId"), at + "toUnitId", "unit", errors);
                if (from == null && errors.stream().noneMatch(e -> e.field().equals(at + "fromUnitId"))) {
                    errors.add(new FieldError(at + "fromUnitId", "Choose the unit that refers."));
                }
                if (to == null && errors.stream().noneMatch(e -> e.field().equals(at + "toUnitId"))) {
                    errors.add(new FieldError(at + "toUnitId", "Choose the unit referred to."));
                }
                Long hours = NumberInput.requiredWhole(pair.path("hours"), at + "hours", 1, ReferralTargets.MAX_HOURS,
                        "The target is " + hoursRule + ".", errors);
                if (from != null && to != null && hours != null) {
                    pairs.add(new ReferralTargets.Pair(from, to, hours.intValue()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new ReferralTargets(defaultHours.intValue(), pairs, version);
    }
}

package io.civicdesk.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.NumberInput;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code {unitIds, kinds, version}}, an administrator's save of who gets which report. */
public final class ReportAccountReader {
    private ReportAccountReader() {
    }

    public static AccountForm read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        List<String> unitIds = unitIds(body.path("unitIds"));
        Set<ReportPeriod.Kind> kinds = kinds(body.path("kinds"), errors);
        Long version = NumberInput.whole(body.path("version"), "version", 1, Long.MAX_VALUE,
                "Give the version you read, or none for a new account.", errors);
        return new AccountForm(unitIds, kinds, version, errors);
    }

    /** The units listed, each once; null when there is no list or it is empty. */
    private static List<String> unitIds(JsonNode node) {
        Set<String> unitIds = new LinkedHashSet<>();
        node.forEach(unit -> unitIds.add(unit.asText()));
        return node.isArray() && !unitIds.isEmpty() ? List.copyOf(unitIds) : null;
    }

    private static Set<ReportPeriod.Kind> kinds(JsonNode node, List<FieldError> errors) {
        Set<ReportPeriod.Kind> kinds = EnumSet.noneOf(ReportPeriod.Kind.class);
        List<String> unknown = new ArrayList<>();
        for (JsonNode kind : node) {
            ReportPeriod.Kind.named(kind.asText()).ifPresentOrElse(kinds::add, () -> unknown.add(kind.asText()));
        }
        if (!node.isArray() || kinds.isEmpty() && unknown.isEmpty()) {
            errors.add(new FieldError("kinds", "Choose at least one report: weekly, monthly or quarterly."));
        } else if (!unknown.isEmpty()) {
            errors.add(new FieldError("kinds", "Reports are weekly, monthly or quarterly, not " + String.join(", ", unknown) + "."));
        }
        return kinds;
    }
}

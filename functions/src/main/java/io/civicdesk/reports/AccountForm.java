package io.civicdesk.reports;

import io.civicdesk.platform.FieldError;

import java.util.List;
import java.util.Set;

/**
 * An account manager's reports as an administrator filled them in: {@code unitIds} null when no unit was listed,
 * {@code version} null for a new account, and what was wrong in the form itself ({@code errors}); whether the units
 * and the member of staff exist is for {@link ReportAccounts} to say.
 */
public record AccountForm(List<String> unitIds, Set<ReportPeriod.Kind> kinds, Long version, List<FieldError> errors) {
    public AccountForm {
        unitIds = unitIds == null ? null : List.copyOf(unitIds);
        kinds = Set.copyOf(kinds);
        errors = List.copyOf(errors);
    }
}

package io.civicdesk.staff;

import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.List;
import java.util.Set;

/**
 * A member of staff as an administrator filled them in, with what was wrong in the form itself ({@code errors}):
 * {@code email} only when adding, {@code enabled} null when left as it is, {@code version} the one read (changing
 * only). Whether the unit exists, and what an administrator may not do to themselves, is for
 * {@link StaffAdministration} to say.
 */
public record StaffForm(String email, String name, Set<Role> roles, String unitId, Boolean enabled, Long version,
                        List<FieldError> errors) {
    public StaffForm {
        roles = Set.copyOf(roles);
        errors = List.copyOf(errors);
    }
}

package io.civicdesk.directory;

import io.civicdesk.platform.StaffCaller.Role;

import java.util.Set;

/**
 * A member of staff as the directory knows them: who they are (their id is the Cognito {@code sub}), their roles
 * (Cognito groups), the unit they work in ({@code custom:unit}; null for those who work across units), and whether
 * they still work here: a disabled member cannot sign in and is given no work and no mail, but stays in the
 * directory so the requests they handled keep their name.
 */
public record StaffMember(String id, String name, String email, Set<Role> roles, String unitId, boolean enabled) {
    public StaffMember {
        roles = Set.copyOf(roles);
    }

    /** A member who works here. */
    public StaffMember(String id, String name, String email, Set<Role> roles, String unitId) {
        this(id, name, email, roles, unitId, true);
    }
}

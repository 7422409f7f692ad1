package io.civicdesk.staff;

import io.civicdesk.platform.StaffCaller.Role;

import java.util.Set;

/**
 * A member of staff as the directory knows them: who they are, their roles (Cognito groups) and the unit they
 * work in ({@code custom:unit}; null for those who work across units).
 */
public record StaffMember(String id, String name, String email, Set<Role> roles, String unitId) {
    public StaffMember {
        roles = Set.copyOf(roles);
    }
}

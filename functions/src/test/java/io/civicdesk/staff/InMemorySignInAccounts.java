package io.civicdesk.staff;

import io.civicdesk.platform.StaffCaller.Role;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** A user pool in maps: an account per email, with its roles and whether it may sign in. */
final class InMemorySignInAccounts implements SignInAccounts {
    final Map<String, String> idsByEmail = new HashMap<>();
    final Map<String, Set<Role>> roles = new HashMap<>();
    final Map<String, Boolean> enabled = new HashMap<>();

    @Override
    public Opened open(String email, String name, String unitId) {
        String existing = idsByEmail.get(email);
        if (existing != null) {
            return new Opened(existing, false);
        }
        String id = "sub-" + (idsByEmail.size() + 1);
        idsByEmail.put(email, id);
        enabled.put(id, true);
        return new Opened(id, true);
    }

    @Override
    public void update(String id, String name, String unitId) {
    }

    @Override
    public void setRoles(String id, Set<Role> roles) {
        this.roles.put(id, Set.copyOf(roles));
    }

    @Override
    public void disable(String id) {
        enabled.put(id, false);
    }

    @Override
    public void enable(String id) {
        enabled.put(id, true);
    }
}

package io.civicdesk.demo;

import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.staff.StaffAdministration;
import io.civicdesk.staff.StaffFormReader;
import io.civicdesk.directory.StaffMember;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's staff ({@link DemoData#staff()}), added through the staff administration the staff page uses: each
 * gets a sign-in account in the stack's user pool and their directory item, as anyone an administrator adds.
 */
public final class DemoStaff {
    private DemoStaff() {
    }

    public static void add(StaffAdministration administration) {
        for (StaffMember member : DemoData.staff()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("email", member.email());
            details.put("name", member.name());
            details.put("roles", member.roles().stream().map(Role::group).sorted().toList());
            details.put("unitId", member.unitId());
            String id = administration.add(StaffFormReader.addition(Json.MAPPER.valueToTree(details))).id();
            if (!id.equals(member.id())) {
                // Their requests and the tests name them by these ids: the local user pool must have given them.
                throw new IllegalStateException("The user pool gave demo member " + member.id() + " the id " + id
                        + "; the demo needs moto_local.py's fixed subs");
            }
        }
    }
}

package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.TextInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the staff page's member: {@code {email, name, roles, unitId}} to add, {@code {name, roles, unitId, enabled, version}} to change. */
public final class StaffFormReader {
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private StaffFormReader() {
    }

    public static StaffForm addition(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        String email = email(body.path("email"), errors);
        String name = name(body.path("name"), errors);
        Set<Role> roles = roles(body.path("roles"), errors);
        return new StaffForm(email, name, roles, unitId(body.path("unitId"), roles, errors), null, null, errors);
    }

    public static StaffForm change(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        String name = name(body.path("name"), errors);
        Set<Role> roles = roles(body.path("roles"), errors);
        String unitId = unitId(body.path("unitId"), roles, errors);
        Boolean enabled = enabled(body.path("enabled"), errors);
        Long version = NumberInput.requiredWhole(body.path("version"), "version", 1, Long.MAX_VALUE,
                "Give the version you read.", errors);
        return new StaffForm(null, name, roles, unitId, enabled, version, errors);
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the member of staff as a JSON object.");
        }
    }

    private static String name(JsonNode value, List<FieldError> errors) {
        int before = errors.size();
        String name = TextInput.optional(value, "name", "Their name", MAX_NAME, errors);
        if (name == null && errors.size() == before) {
            errors.add(new FieldError("name", "Enter their name, as colleagues and residents will see it."));
        }
        return name;
    }

    private static String unitId(JsonNode value, Set<Role> roles, List<FieldError> errors) {
        int before = errors.size();
        String unitId = Ids.read(value, "unitId", "unit", errors);
        if (unitId == null && roles.contains(Role.OFFICER) && errors.size() == before) {
            errors.add(new FieldError("unitId", "Choose the unit an officer works in."));
        }
        return unitId;
    }

    private static String email(JsonNode value, List<FieldError> errors) {
        int before = errors.size();
        String email = TextInput.optional(value, "email", "Their email address", MAX_EMAIL, errors);
        if (email == null) {
            if (errors.size() == before) {
                errors.add(new FieldError("email", "Enter their work email address: the invitation to sign in goes there."));
            }
            return null;
        }
        if (!EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "Enter an email address in the correct format, like name@council.example."));
            return null;
        }
        // Sign-in does not tell case apart in emails (the pool's CaseSensitive: false), so neither does the list.
        return email.toLowerCase(Locale.ROOT);
    }

    private static Set<Role> roles(JsonNode value, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String choices = "Choose one or more roles: " + String.join(", ", Arrays.stream(Role.values()).map(Role::group).toList()) + ".";
        if (!value.isArray() || value.isEmpty()) {
            errors.add(new FieldError("roles", choices));
            return roles;
        }
        for (JsonNode group : value) {
            Optional<Role> role = Arrays.stream(Role.values()).filter(r -> group.isTextual() && r.group().equals(group.asText())).findFirst();
            if (role.isEmpty()) {
                errors.add(new FieldError("roles", choices));
                return EnumSet.noneOf(Role.class);
            }
            roles.add(role.get());
        }
        return roles;
    }

    /** Null when left out: they stay as they are. */
    private static Boolean enabled(JsonNode value, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError("enabled", "enabled is true (they work here) or false (they have left)."));
            return null;
        }
        return value.asBoolean();
    }
}

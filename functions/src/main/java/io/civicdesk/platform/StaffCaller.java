package io.civicdesk.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The member of staff making a request, from the claims of the ID token that API Gateway's JWT authorizer has
 * already checked (signature, issuer, audience, expiry). Nothing the browser says outside the token counts.
 *
 * <p>Roles come from {@code cognito:groups}; the unit an officer works in from the {@code custom:unit}
 * attribute. HTTP APIs pass an array claim as text, e.g. {@code [officer supervisor]}, so both that form and a
 * JSON array are read.
 */
public record StaffCaller(String id, String name, String email, Set<Role> roles, String unitId) {

    public enum Role {
        OFFICER("officer"), SUPERVISOR("supervisor"), ACCOUNT_MANAGER("account-manager"), ADMIN("admin");

        private final String group;

        Role(String group) {
            this.group = group;
        }

        public String group() {
            return group;
        }

        static Role fromGroup(String group) {
            return Arrays.stream(values()).filter(role -> role.group.equals(group)).findFirst().orElse(null);
        }
    }

    public StaffCaller {
        roles = Set.copyOf(roles);
    }

    /** The caller, or 401 when the route was reached without verified claims (a gateway misconfiguration). */
    public static StaffCaller from(HttpRequest request) {
        Map<String, String> claims = request.jwtClaims();
        if (claims == null || claims.get("sub") == null) {
            throw Refusal.unauthenticated("Sign in to use the staff pages.");
        }
        Set<Role> roles = groups(claims.get("cognito:groups")).stream().map(Role::fromGroup)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        String name = claims.getOrDefault("name", claims.get("email"));
        return new StaffCaller(claims.get("sub"), name, claims.get("email"), roles, claims.get("custom:unit"));
    }

    static List<String> groups(String claim) {
        if (claim == null || claim.isBlank()) {
            return List.of();
        }
        String inner = claim.strip().replaceAll("^\\[|]$", "");
        return Arrays.stream(inner.split("[,\\s]+")).map(group -> group.replace("\"", "").strip())
                .filter(group -> !group.isEmpty()).toList();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** 403 unless the caller holds at least one of the roles. */
    public StaffCaller requireAny(Role... allowed) {
        for (Role role : allowed) {
            if (has(role)) {
                return this;
            }
        }
        throw Refusal.forbidden("Your role does not allow this. Ask an administrator if you need it.");
    }

    /**
     * 403 unless the caller may work on a unit's requests: supervisors and administrators across units, an
     * officer only in their own.
     */
    public StaffCaller requireUnit(String unitId) {
        if (has(Role.SUPERVISOR) || has(Role.ADMIN) || has(Role.OFFICER) && unitId != null && unitId.equals(this.unitId)) {
            return this;
        }
        throw Refusal.forbidden("This request belongs to another unit. Refer it, or ask a supervisor.");
    }
}

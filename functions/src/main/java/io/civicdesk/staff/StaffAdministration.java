package io.civicdesk.staff;

import io.civicdesk.catalog.Units;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.directory.StaffDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.TextInput;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Who works here: administrators add staff, change their name, roles and unit, and disable those who leave. One
 * action keeps both halves in step, the sign-in account ({@link SignInAccounts}: Cognito) and the directory item.
 *
 * <p>When one half fails the other is not undone; the action is made safe to repeat instead, and saving again
 * finishes it. Undoing is itself a call that can fail, and Cognito mails an invitation that cannot be taken back,
 * whereas every call here sets a state (the account's attributes, exactly these groups, enabled or not), so a
 * repeat converges. Adding goes to Cognito first, since the directory is keyed by the {@code sub} only Cognito can
 * issue: a failure leaves at most an account nobody is told about but its owner, adopted (not made twice) by the
 * next try. Changing goes to the directory first, conditional on the version the administrator read, marked
 * pending until Cognito has it too: two administrators cannot both reach Cognito with different changes, and the
 * page shows a change that did not reach sign-in until it is saved again.
 */
public final class StaffAdministration {
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private final StaffDirectory directory;
    private final SignInAccounts accounts;
    private final CatalogStore catalog;

    public StaffAdministration(StaffDirectory directory, SignInAccounts accounts, CatalogStore catalog) {
        this.directory = directory;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    /** A member as administrators see them; {@code signInPending} when the last change has not reached sign-in. */
    public record Member(String id, String name, String email, List<String> roles, String unitId, String unitName,
                         boolean enabled, long version, boolean signInPending) {
    }

    public record Named(String id, String name) {
    }

    /** Everyone, those who have left included, and what an administrator can choose from. */
    public record Staff(List<Member> members, List<Named> units, List<String> roles) {
    }

    /** What an administrator gives for a member, besides the email they are added with. */
    private record Details(String name, Set<Role> roles, String unitId) {
    }

    public Staff staff() {
        Map<String, Unit> units = catalog.units();
        return new Staff(directory.everyone().stream().map(entry -> view(entry, units)).toList(),
                units.values().stream().map(unit -> new Named(unit.id(), unit.name())).toList(),
                Arrays.stream(Role.values()).map(Role::group).toList());
    }

    /** {@code {email, name, roles, unitId}}: the account (Cognito mails its invitation), its groups, the directory item. */
    public Member add(JsonNode body) {
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Unit> units = catalog.units();
        String email = email(body.path("email"), errors);
        Details details = details(body, units, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        SignInAccounts.Opened opened = signIn(() -> accounts.open(email, details.name(), details.unitId()), null);
        if (directory.member(opened.id()).isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "Someone with this email is on the staff list already: change them there.",
                    List.of(new FieldError("email", "Someone with this email is on the staff list already.")));
        }
        StaffMember member = new StaffMember(opened.id(), details.name(), email, details.roles(), details.unitId());
        signIn(() -> {
            if (!opened.created()) {
                // An account an earlier try made (or one made by hand): it takes these details, and may sign in.
                accounts.update(member.id(), member.name(), member.unitId());
                accounts.enable(member.id());
            }
            accounts.setRoles(member.id(), member.roles());
            return null;
        }, null);
        if (!directory.create(member)) {
            throw Refusal.conflict("Someone added this person meanwhile: they are on the staff list.");
        }
        Log.info("staff.added", Map.of("staffId", member.id(), "accountCreated", opened.created()));
        return view(new StaffDirectory.Entry(member, 1, false), units);
    }

    /**
     * {@code {name, roles, unitId, enabled, version}}: the member as they are to be, with the version read. Disabling
     * ends their sign-in and takes them off every list of who can be given work or mail; their history stays.
     */
    public Member change(StaffCaller caller, String staffId, JsonNode body) {
        Ids.require(staffId, "staffId", "member of staff");
        requireObject(body);
        List<FieldError> errors = new ArrayList<>();
        Map<String, Unit> units = catalog.units();
        StaffDirectory.Entry current = directory.entry(staffId)
                .orElseThrow(() -> Refusal.notFound("There is no member of staff " + staffId + "."));
        Details details = details(body, units, errors);
        boolean enabled = enabled(body.path("enabled"), current.member().enabled(), errors);
        Long read = NumberInput.requiredWhole(body.path("version"), "version", 1, Long.MAX_VALUE,
                "Give the version you read.", errors);
        if (caller.id().equals(staffId)) {
            // An administrator who could lock themselves out could leave the council with no administrator at all.
            if (!enabled) {
                errors.add(new FieldError("enabled", "You cannot disable yourself: ask another administrator."));
            }
            if (!details.roles().contains(Role.ADMIN)) {
                errors.add(new FieldError("roles", "You cannot take away your own administrator role: ask another administrator."));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (current.version() != read) {
            throw changedMeanwhile(staffId, units);
        }
        StaffMember member = new StaffMember(staffId, details.name(), current.member().email(), details.roles(),
                details.unitId(), enabled);
        if (!directory.change(member, read)) {
            throw changedMeanwhile(staffId, units);
        }
        long version = read + 1;
        StaffDirectory.Entry pending = new StaffDirectory.Entry(member, version, true);
        signIn(() -> {
            if (!enabled) {
                accounts.disable(staffId);
            }
            accounts.update(staffId, member.name(), member.unitId());
            accounts.setRoles(staffId, member.roles());
            if (enabled) {
                accounts.enable(staffId);
            }
            return null;
        }, view(pending, units));
        directory.settle(staffId, version);
        Log.info("staff.changed", Map.of("staffId", staffId, "enabled", enabled, "version", version));
        return view(new StaffDirectory.Entry(member, version, false), units);
    }

    /**
     * The sign-in half; when Cognito fails, 502 saying that saving again finishes the job, with the member as the
     * directory now has them ({@code saved}; null when adding, as the directory has nothing yet) for the page.
     */
    private static <T> T signIn(Supplier<T> call, Member saved) {
        try {
            return call.get();
        } catch (SignInAccounts.Failure e) {
            Log.info("staff.sign-in-failed", Map.of("reason", e.getMessage(), "staffId", saved == null ? "" : saved.id()));
            throw saved == null
                    ? new Refusal(Refusal.Kind.UPSTREAM_FAILED, "The sign-in service did not finish adding this person, so they are not on the"
                    + " staff list yet. Add them again: an account made already is used, not made twice.")
                    : new Refusal(Refusal.Kind.UPSTREAM_FAILED, "Saved on the staff list, but the sign-in service did not take the change yet."
                    + " Save again to finish it.", List.of(), Map.of("current", saved));
        }
    }

    private Refusal changedMeanwhile(String staffId, Map<String, Unit> units) {
        Optional<StaffDirectory.Entry> now = directory.entry(staffId);
        return new Refusal(Refusal.Kind.CONFLICT, "Someone else changed this member of staff meanwhile. Check them and save again.",
                List.of(), now.<Map<String, Object>>map(entry -> Map.of("current", view(entry, units))).orElse(Map.of()));
    }

    private static Details details(JsonNode body, Map<String, Unit> units, List<FieldError> errors) {
        String name = TextInput.optional(body.path("name"), "name", "Their name", MAX_NAME, errors);
        if (name == null && errors.stream().noneMatch(error -> error.field().equals("name"))) {
            errors.add(new FieldError("name", "Enter their name, as colleagues and residents will see it."));
        }
        Set<Role> roles = roles(body.path("roles"), errors);
        String unitId = Ids.read(body.path("unitId"), "unitId", "unit", errors);
        if (unitId != null && !units.containsKey(unitId)) {
            errors.add(new FieldError("unitId", "There is no unit " + unitId + ". Units: " + String.join(", ", units.keySet()) + "."));
            unitId = null;
        } else if (unitId == null && roles.contains(Role.OFFICER) && errors.stream().noneMatch(error -> error.field().equals("unitId"))) {
            errors.add(new FieldError("unitId", "Choose the unit an officer works in."));
        }
        return new Details(name, roles, unitId);
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("Send the member of staff as a JSON object.");
        }
    }

    private static String email(JsonNode value, List<FieldError> errors) {
        String email = TextInput.optional(value, "email", "Their email address", MAX_EMAIL, errors);
        if (email == null) {
            if (errors.stream().noneMatch(error -> error.field().equals("email"))) {
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

    private static boolean enabled(JsonNode value, boolean current, List<FieldError> errors) {
        if (value.isMissingNode() || value.isNull()) {
            return current;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError("enabled", "enabled is true (they work here) or false (they have left)."));
            return current;
        }
        return value.asBoolean();
    }

    private static Member view(StaffDirectory.Entry entry, Map<String, Unit> units) {
        StaffMember member = entry.member();
        Unit unit = member.unitId() == null ? null : units.get(member.unitId());
        return new Member(member.id(), member.name(), member.email(), member.roles().stream().map(Role::group).sorted().toList(),
                member.unitId(), unit == null ? null : unit.name(), member.enabled(), entry.version(), entry.signInPending());
    }
}

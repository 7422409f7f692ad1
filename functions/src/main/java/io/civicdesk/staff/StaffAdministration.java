package io.civicdesk.staff;

import io.civicdesk.catalog.Units;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
    private final Directory directory;
    private final SignInAccounts accounts;
    private final Catalog catalog;

    public StaffAdministration(Directory directory, SignInAccounts accounts, Catalog catalog) {
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

    public Staff staff() {
        Map<String, Unit> units = catalog.units();
        return new Staff(directory.everyone().stream().map(entry -> view(entry, units)).toList(),
                units.values().stream().map(unit -> new Named(unit.id(), unit.name())).toList(),
                Arrays.stream(Role.values()).map(Role::group).toList());
    }

    /** A new member: the account (Cognito mails its invitation), its groups, the directory item. */
    public Member add(StaffForm form) {
        Map<String, Unit> units = catalog.units();
        List<FieldError> errors = new ArrayList<>(form.errors());
        checkUnit(form.unitId(), units, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        String email = form.email();
        SignInAccounts.Opened opened = signIn(() -> accounts.open(email, form.name(), form.unitId()), null);
        if (directory.member(opened.id()).isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "Someone with this email is on the staff list already: change them there.",
                    List.of(new FieldError("email", "Someone with this email is on the staff list already.")));
        }
        StaffMember member = new StaffMember(opened.id(), form.name(), email, form.roles(), form.unitId());
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
     * The member as they are to be, with the version read. Disabling ends their sign-in and takes them off every list
     * of who can be given work or mail; their history stays.
     */
    public Member change(StaffCaller caller, String staffId, StaffForm form) {
        Ids.require(staffId, "staffId", "member of staff");
        Map<String, Unit> units = catalog.units();
        StaffDirectory.Entry current = directory.entry(staffId)
                .orElseThrow(() -> Refusal.notFound("There is no member of staff " + staffId + "."));
        List<FieldError> errors = new ArrayList<>(form.errors());
        checkUnit(form.unitId(), units, errors);
        boolean enabled = form.enabled() == null ? current.member().enabled() : form.enabled();
        Long read = form.version();
        if (caller.id().equals(staffId)) {
            // An administrator who could lock themselves out could leave the council with no administrator at all.
            if (!enabled) {
                errors.add(new FieldError("enabled", "You cannot disable yourself: ask another administrator."));
            }
            if (!form.roles().contains(Role.ADMIN)) {
                errors.add(new FieldError("roles", "You cannot take away your own administrator role: ask another administrator."));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (current.version() != read) {
            throw changedMeanwhile(staffId, units);
        }
        StaffMember member = new StaffMember(staffId, form.name(), current.member().email(), form.roles(),
                form.unitId(), enabled);
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

    private static void checkUnit(String unitId, Map<String, Unit> units, List<FieldError> errors) {
        if (unitId != null && !units.containsKey(unitId)) {
            errors.add(new FieldError("unitId", "There is no unit " + unitId + ". Units: " + String.join(", ", units.keySet()) + "."));
        }
    }

    private static Member view(StaffDirectory.Entry entry, Map<String, Unit> units) {
        StaffMember member = entry.member();
        Unit unit = member.unitId() == null ? null : units.get(member.unitId());
        return new Member(member.id(), member.name(), member.email(), member.roles().stream().map(Role::group).sorted().toList(),
                member.unitId(), unit == null ? null : unit.name(), member.enabled(), entry.version(), entry.signInPending());
    }
}

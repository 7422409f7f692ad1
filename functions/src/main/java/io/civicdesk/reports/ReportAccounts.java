package io.civicdesk.reports;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who gets which report, as administrators manage it: each account manager's units (from the catalogue) and the
 * kinds of period report they are mailed. Every change is conditional on the version the administrator saw.
 * Only administrators come here (the handler checks).
 */
public final class ReportAccounts {
    private final Accounts accounts;
    private final Directory staff;
    private final Catalog catalog;

    public ReportAccounts(Accounts accounts, Directory staff, Catalog catalog) {
        this.accounts = accounts;
        this.staff = staff;
        this.catalog = catalog;
    }

    public record Named(String id, String name) {
    }

    public record AccountView(String staffId, String name, List<String> unitIds, List<String> kinds, long version) {
    }

    /** The accounts, and what an administrator can choose from: the account managers, the units, the kinds. */
    public record Overview(List<AccountView> accounts, List<Named> accountManagers, List<Named> units, List<String> kinds) {
    }

    public Overview overview() {
        // Names of those who have left too, for their accounts; only those who work here can be chosen.
        List<StaffMember> everyone = staff.everyone().stream().map(StaffDirectory.Entry::member).toList();
        Map<String, String> names = new java.util.HashMap<>();
        everyone.forEach(member -> names.put(member.id(), member.name()));
        List<AccountView> views = accounts.all().stream()
                .map(account -> view(account, names.getOrDefault(account.staffId(), account.staffId()))).toList();
        return new Overview(views,
                everyone.stream().filter(member -> member.enabled() && member.roles().contains(Role.ACCOUNT_MANAGER))
                        .map(member -> new Named(member.id(), member.name())).toList(),
                catalog.catalogue().units().values().stream().map(unit -> new Named(unit.id(), unit.name())).toList(),
                java.util.Arrays.stream(ReportPeriod.Kind.values()).map(Enum::name).toList());
    }

    /** Saves the account as the administrator filled it in, conditional on the version they read. */
    public AccountView save(String staffId, AccountForm form) {
        List<FieldError> errors = new ArrayList<>();
        Optional<StaffMember> manager = accountManager(Ids.read(staffId, "staffId", "member of staff", errors));
        if (manager.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("staffId", "Choose a member of staff who is an account manager."));
        }
        checkUnits(form.unitIds(), errors);
        errors.addAll(form.errors());
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Long expected = form.version();
        AccountStore.Account account = new AccountStore.Account(staffId, form.unitIds(), form.kinds(),
                expected == null ? 1 : expected + 1);
        if (!accounts.save(account, expected)) {
            throw changedMeanwhile(staffId);
        }
        return view(account, manager.get().name());
    }

    /** Stops an account manager's reports; {@code version} is the one the administrator read. */
    public void remove(String staffId, String versionText) {
        Ids.require(staffId, "staffId", "member of staff");
        long version;
        try {
            version = Long.parseLong(versionText == null ? "" : versionText.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("version", "Give the version you read, e.g. ?version=3.");
        }
        if (accounts.account(staffId).isEmpty()) {
            throw Refusal.notFound("No reports are set up for this member of staff.");
        }
        if (!accounts.remove(staffId, version)) {
            throw changedMeanwhile(staffId);
        }
    }

    private Refusal changedMeanwhile(String staffId) {
        Optional<AccountStore.Account> current = accounts.account(staffId);
        return new Refusal(Refusal.Kind.CONFLICT, current.isPresent()
                ? "Someone else changed this account manager's reports meanwhile. Check them and save again."
                : "This account manager has no reports set up now (someone removed them, or never added them).",
                List.of(), current.<Map<String, Object>>map(account -> Map.of("current", view(account, null))).orElse(Map.of()));
    }

    private Optional<StaffMember> accountManager(String staffId) {
        if (staffId == null) {
            return Optional.empty();
        }
        return staff.member(staffId).filter(member -> member.enabled() && member.roles().contains(Role.ACCOUNT_MANAGER));
    }

    private void checkUnits(List<String> unitIds, List<FieldError> errors) {
        if (unitIds == null) {
            errors.add(new FieldError("unitIds", "Choose at least one unit."));
            return;
        }
        Map<String, Unit> known = catalog.catalogue().units();
        List<String> unknown = unitIds.stream().filter(id -> !known.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("unitIds", "Not a unit of the council: " + String.join(", ", unknown) + "."));
        }
    }

    private static AccountView view(AccountStore.Account account, String name) {
        return new AccountView(account.staffId(), name, account.unitIds(),
                account.kinds().stream().sorted().map(Enum::name).toList(), account.version());
    }
}

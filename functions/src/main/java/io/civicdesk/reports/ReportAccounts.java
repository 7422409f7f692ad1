package io.civicdesk.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.NumberInput;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who gets which report, as administrators manage it: each account manager's units (from the catalogue) and the
 * kinds of period report they are mailed. Every change is conditional on the version the administrator saw.
 * Only administrators come here (the handler checks).
 */
public final class ReportAccounts {
    private final AccountStore accounts;
    private final StaffDirectory staff;
    private final CatalogStore catalog;

    public ReportAccounts(AccountStore accounts, StaffDirectory staff, CatalogStore catalog) {
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

    /** {@code {unitIds, kinds, version}}: version absent for a new account, else the one read. */
    public AccountView save(String staffId, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Optional<StaffMember> manager = accountManager(Ids.read(staffId, "staffId", "member of staff", errors));
        if (manager.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError("staffId", "Choose a member of staff who is an account manager."));
        }
        List<String> unitIds = unitIds(body.path("unitIds"), errors);
        Set<ReportPeriod.Kind> kinds = kinds(body.path("kinds"), errors);
        Long expected = NumberInput.whole(body.path("version"), "version", 1, Long.MAX_VALUE,
                "Give the version you read, or none for a new account.", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        AccountStore.Account account = new AccountStore.Account(staffId, unitIds, kinds, expected == null ? 1 : expected + 1);
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

    private List<String> unitIds(JsonNode node, List<FieldError> errors) {
        Map<String, Unit> known = catalog.catalogue().units();
        Set<String> unitIds = new LinkedHashSet<>();
        for (JsonNode unit : node) {
            unitIds.add(unit.asText());
        }
        List<String> unknown = unitIds.stream().filter(id -> !known.containsKey(id)).toList();
        if (!node.isArray() || unitIds.isEmpty()) {
            errors.add(new FieldError("unitIds", "Choose at least one unit."));
        } else if (!unknown.isEmpty()) {
            errors.add(new FieldError("unitIds", "Not a unit of the council: " + String.join(", ", unknown) + "."));
        }
        return List.copyOf(unitIds);
    }

    private static Set<ReportPeriod.Kind> kinds(JsonNode node, List<FieldError> errors) {
        Set<ReportPeriod.Kind> kinds = EnumSet.noneOf(ReportPeriod.Kind.class);
        List<String> unknown = new ArrayList<>();
        for (JsonNode kind : node) {
            ReportPeriod.Kind.named(kind.asText()).ifPresentOrElse(kinds::add, () -> unknown.add(kind.asText()));
        }
        if (!node.isArray() || kinds.isEmpty() && unknown.isEmpty()) {
            errors.add(new FieldError("kinds", "Choose at least one report: weekly, monthly or quarterly."));
        } else if (!unknown.isEmpty()) {
            errors.add(new FieldError("kinds", "Reports are weekly, monthly or quarterly, not " + String.join(", ", unknown) + "."));
        }
        return kinds;
    }

    private static AccountView view(AccountStore.Account account, String name) {
        return new AccountView(account.staffId(), name, account.unitIds(),
                account.kinds().stream().sorted().map(Enum::name).toList(), account.version());
    }
}

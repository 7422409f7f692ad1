package io.civicdesk.staff;

import io.civicdesk.catalog.ReferralTargetStore;
import io.civicdesk.catalog.ReferralTargets;
import io.civicdesk.catalog.ServiceLevelSettings;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administrators view and change the agreements between units on referrals: a target in business hours per pair
 * of units, and the default for every other pair. A referral keeps the target it was made under.
 */
public final class ReferralTargetAdmin {
    private final ServiceLevelSettings catalog;
    private final ReferralTargetStore store;

    public ReferralTargetAdmin(ServiceLevelSettings catalog, ReferralTargetStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    public record PairView(String fromUnitId, String fromUnitName, String toUnitId, String toUnitName, int hours) {
    }

    public record UnitView(String id, String name) {
    }

    /** The agreements, the provider's default, and the units to choose from. */
    public record TargetsView(int defaultHours, int providerDefaultHours, List<PairView> pairs, List<UnitView> units,
                              long version) {
    }

    public TargetsView get(StaffCaller caller) {
        caller.requireAny(Role.ADMIN);
        return view(store.get(), catalog.units());
    }

    /** Replaces the agreements whole, if nobody saved since {@code targets.version()}; each pair's units must exist. */
    public TargetsView put(StaffCaller caller, ReferralTargets targets) {
        caller.requireAny(Role.ADMIN);
        Map<String, Unit> units = catalog.units();
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.pairs().size(); i++) {
            ReferralTargets.Pair pair = targets.pairs().get(i);
            String at = "pairs[" + i + "].";
            if (!units.containsKey(pair.fromUnitId())) {
                errors.add(new FieldError(at + "fromUnitId", "There is no unit " + pair.fromUnitId() + "."));
            }
            if (!units.containsKey(pair.toUnitId())) {
                errors.add(new FieldError(at + "toUnitId", "There is no unit " + pair.toUnitId() + "."));
            } else if (pair.toUnitId().equals(pair.fromUnitId())) {
                errors.add(new FieldError(at + "toUnitId", "A unit does not refer requests to itself: choose another unit."));
            } else if (!seen.add(pair.fromUnitId() + ">" + pair.toUnitId())) {
                errors.add(new FieldError(at + "toUnitId", "This pair of units already has a target above."));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (!store.save(targets)) {
            throw Refusal.conflict("Another administrator changed the referral targets since you opened them. "
                    + "Reload the page and try again.");
        }
        Log.info("referral-targets.changed", Map.of("pairs", targets.pairs().size(), "by", caller.id()));
        return view(store.get(), units);
    }

    private static TargetsView view(ReferralTargets targets, Map<String, Unit> units) {
        List<PairView> pairs = targets.pairs().stream().map(pair -> new PairView(pair.fromUnitId(), name(units, pair.fromUnitId()),
                pair.toUnitId(), name(units, pair.toUnitId()), pair.hours())).toList();
        return new TargetsView(targets.defaultHours(), ReferralTargets.PROVIDER_DEFAULT_HOURS, pairs,
                units.values().stream().map(unit -> new UnitView(unit.id(), unit.name())).toList(), targets.version());
    }

    private static String name(Map<String, Unit> units, String unitId) {
        Unit unit = units.get(unitId);
        return unit == null ? unitId : unit.name();
    }
}

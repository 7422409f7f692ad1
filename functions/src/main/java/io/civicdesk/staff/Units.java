package io.civicdesk.staff;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Unit;
import io.civicdesk.platform.Cached;
import io.civicdesk.sla.BusinessCalendar;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The council and its units, kept for a few minutes per container (one Query of the catalogue), with a GetItem
 * for a unit the kept copy does not know yet, so a unit added a minute ago is never "unknown".
 */
final class Units {
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final CatalogStore catalog;
    private final Cached<CatalogStore.Catalogue> catalogue;
    private final Cached<BusinessCalendar> calendar;

    Units(CatalogStore catalog, Clock clock) {
        this.catalog = catalog;
        this.catalogue = new Cached<>(catalog::catalogue, KEEP, clock);
        this.calendar = new Cached<>(() -> catalog.calendar(council().calendarId())
                .orElseThrow(() -> new IllegalStateException("The council's calendar is missing")), KEEP, clock);
    }

    Optional<Unit> unit(String unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        Unit kept = catalogue.get().units().get(unitId);
        return kept != null ? Optional.of(kept) : catalog.unit(unitId);
    }

    String name(String unitId) {
        return unit(unitId).map(Unit::name).orElse(unitId);
    }

    Collection<Unit> all() {
        return catalogue.get().units().values();
    }

    Council council() {
        return catalogue.get().council();
    }

    /** The council's business calendar, which its service levels are measured on. */
    BusinessCalendar calendar() {
        return calendar.get();
    }
}

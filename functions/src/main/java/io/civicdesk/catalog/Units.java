package io.civicdesk.catalog;

import io.civicdesk.platform.Cached;
import io.civicdesk.sla.ServiceLevels;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The council, its units and services, kept for a few minutes per container (one Query of the catalogue), with a GetItem
 * for a unit the kept copy does not know yet, so a unit added a minute ago is never "unknown".
 */
public final class Units {
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final Catalog catalog;
    private final Cached<CatalogStore.Catalogue> catalogue;
    private final ServiceLevels serviceLevels;

    public Units(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.catalogue = new Cached<>(catalog::catalogue, KEEP, clock);
        this.serviceLevels = new ServiceLevels(() -> catalogue.get().policies(), catalog::calendar,
                () -> council().calendarId(), clock);
    }

    public Optional<Unit> unit(String unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        Unit kept = catalogue.get().units().get(unitId);
        return kept != null ? Optional.of(kept) : catalog.unit(unitId);
    }

    public String name(String unitId) {
        return unit(unitId).map(Unit::name).orElse(unitId);
    }

    public Collection<Unit> all() {
        return catalogue.get().units().values();
    }

    public Council council() {
        return catalogue.get().council();
    }

    /** The policies and calendars service levels are measured by. */
    public ServiceLevels serviceLevels() {
        return serviceLevels;
    }

    /** A service as the kept catalogue has it, or as stored when it is newer than that. */
    public Service service(String serviceId) {
        return find(serviceId).orElseThrow(() -> new IllegalStateException("There is no service " + serviceId));
    }

    /** The same, or empty when the service is gone from the catalogue. */
    public Optional<Service> find(String serviceId) {
        return catalogue.get().services().stream().filter(service -> service.id().equals(serviceId)).findFirst()
                .or(() -> catalog.service(serviceId));
    }
}

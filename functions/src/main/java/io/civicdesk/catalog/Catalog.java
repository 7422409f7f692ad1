package io.civicdesk.catalog;

import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The council's catalogue as the capabilities read it: deployed, {@link CatalogStore}; in a test, a map. */
public interface Catalog {
    CatalogStore.Catalogue catalogue();

    /** The service-level policies, in their order. */
    List<ServiceLevelPolicy> policies();

    Optional<Service> service(String serviceId);

    /** The units, by id; none before the catalogue is seeded. */
    Map<String, Unit> units();

    Optional<Unit> unit(String unitId);

    Council council();

    Optional<BusinessCalendar> calendar(String calendarId);
}

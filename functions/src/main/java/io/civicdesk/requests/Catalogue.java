package io.civicdesk.requests;

import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.util.List;
import java.util.Optional;

/** What taking a report needs of the council's catalogue; {@code CatalogStore} has it all (see {@link RequestWiring}). */
public interface Catalogue {
    Optional<Service> service(String serviceId);

    Council council();

    List<ServiceLevelPolicy> policies();

    Optional<BusinessCalendar> calendar(String calendarId);
}

package io.civicdesk.requests;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Council;
import io.civicdesk.catalog.Service;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.util.List;
import java.util.Optional;

/** What taking a report needs of the council's catalogue; any {@link Catalog} has it all. */
public interface Catalogue {
    /** The council's catalogue, as taking a report reads it. */
    static Catalogue of(Catalog catalog) {
        return new Catalogue() {
            @Override
            public Optional<Service> service(String serviceId) {
                return catalog.service(serviceId);
            }

            @Override
            public Council council() {
                return catalog.council();
            }

            @Override
            public List<ServiceLevelPolicy> policies() {
                return catalog.policies();
            }

            @Override
            public Optional<BusinessCalendar> calendar(String calendarId) {
                return catalog.calendar(calendarId);
            }
        };
    }

    Optional<Service> service(String serviceId);

    Council council();

    List<ServiceLevelPolicy> policies();

    Optional<BusinessCalendar> calendar(String calendarId);
}

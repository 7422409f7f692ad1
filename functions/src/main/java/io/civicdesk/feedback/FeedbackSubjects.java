package io.civicdesk.feedback;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.RequestWithUpdates;
import io.civicdesk.requests.ServiceRequest;

import java.util.List;
import java.util.Optional;

/** What feedback can be about, as the catalogue, the requests and the staff directory know it. */
public interface FeedbackSubjects {
    Optional<Unit> unit(String unitId);

    Optional<Service> service(String serviceId);

    Optional<ServiceRequest> request(Reference reference);

    /** The staff of this name (in this unit, when given). */
    List<StaffMember> named(String name, String unitId);

    static FeedbackSubjects of(CatalogStore catalog, RequestStore requests, StaffDirectory staff) {
        return new FeedbackSubjects() {
            @Override
            public Optional<Unit> unit(String unitId) {
                return catalog.unit(unitId);
            }

            @Override
            public Optional<Service> service(String serviceId) {
                return catalog.service(serviceId);
            }

            @Override
            public Optional<ServiceRequest> request(Reference reference) {
                return requests.find(reference).map(RequestWithUpdates::request);
            }

            @Override
            public List<StaffMember> named(String name, String unitId) {
                return staff.named(name, unitId);
            }
        };
    }
}

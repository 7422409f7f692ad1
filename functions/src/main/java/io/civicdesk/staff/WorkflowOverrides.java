package io.civicdesk.staff;

import io.civicdesk.requests.Workflow;
import io.civicdesk.requests.WorkflowStore;

import java.time.Instant;
import java.util.Optional;

/**
 * The services' own workflows as their administration reads and changes them: deployed, the
 * {@link WorkflowStore} (adapted by {@link StaffAdminWiring}); in a test, a map.
 */
public interface WorkflowOverrides {
    Optional<WorkflowStore.Override> override(String serviceId);

    void put(String serviceId, Workflow workflow, Instant at, String byId, String byName);

    void remove(String serviceId);
}

package io.civicdesk.staff;

import io.civicdesk.catalog.Catalog;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.WorkflowStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Administrators view and change the workflow a service's requests follow. */
public final class WorkflowAdmin {
    private final WorkflowOverrides workflows;
    private final Catalog catalog;
    private final Clock clock;

    public WorkflowAdmin(WorkflowOverrides workflows, Catalog catalog, Clock clock) {
        this.workflows = workflows;
        this.catalog = catalog;
        this.clock = clock;
    }

    public WorkflowView get(StaffCaller caller, String serviceId) {
        caller.requireAny(Role.ADMIN);
        requireService(serviceId);
        return WorkflowView.of(serviceId, workflows.override(serviceId));
    }

    /**
     * Stores the change as the service's own workflow, or removes it. The change is read once the service is known
     * to exist, so a wrong service is its 404 whatever the body says.
     */
    public WorkflowView put(StaffCaller caller, String serviceId, Supplier<WorkflowChange> read) {
        caller.requireAny(Role.ADMIN);
        requireService(serviceId);
        WorkflowChange change = read.get();
        if (change.useDefault()) {
            workflows.remove(serviceId);
            Log.info("workflow.reset", Map.of("serviceId", serviceId, "by", caller.id()));
            return WorkflowView.of(serviceId, Optional.empty());
        }
        Instant now = clock.instant();
        workflows.put(serviceId, change.workflow(), now, caller.id(), caller.name());
        Log.info("workflow.changed", Map.of("serviceId", serviceId, "by", caller.id()));
        return WorkflowView.of(serviceId, Optional.of(new WorkflowStore.Override(change.workflow(), now, caller.id(), caller.name())));
    }

    private void requireService(String serviceId) {
        if (catalog.service(Ids.require(serviceId, "serviceId", "service")).isEmpty()) {
            throw Refusal.notFound("There is no service " + serviceId + ".");
        }
    }
}

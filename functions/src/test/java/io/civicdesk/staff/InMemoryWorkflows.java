package io.civicdesk.staff;

import io.civicdesk.requests.Workflow;
import io.civicdesk.requests.WorkflowStore;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The services' own workflows in a map, for handler tests. */
final class InMemoryWorkflows implements WorkflowOverrides {
    final Map<String, WorkflowStore.Override> overrides = new HashMap<>();

    @Override
    public Optional<WorkflowStore.Override> override(String serviceId) {
        return Optional.ofNullable(overrides.get(serviceId));
    }

    @Override
    public void put(String serviceId, Workflow workflow, Instant at, String byId, String byName) {
        overrides.put(serviceId, new WorkflowStore.Override(workflow, at, byId, byName));
    }

    @Override
    public void remove(String serviceId) {
        overrides.remove(serviceId);
    }
}

package io.civicdesk.staff;

import io.civicdesk.requests.WorkflowReader;
import io.civicdesk.requests.WorkflowStore;
import io.civicdesk.requests.Workflow;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.Actor;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Administrators view and change the workflow a service's requests follow. */
public final class WorkflowAdmin {
    private final WorkflowStore workflows;
    private final CatalogStore catalog;
    private final Clock clock;

    public WorkflowAdmin(WorkflowStore workflows, CatalogStore catalog, Clock clock) {
        this.workflows = workflows;
        this.catalog = catalog;
        this.clock = clock;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WorkflowView(String serviceId, String source, Workflow workflow, Instant updatedAt, Actor updatedBy) {
    }

    public WorkflowView get(StaffCaller caller, String serviceId) {
        caller.requireAny(Role.ADMIN);
        requireService(serviceId);
        return view(serviceId, workflows.override(serviceId));
    }

    /** Stores the workflow in the body as the service's own, or with {@code useDefault: true} removes it. */
    public WorkflowView put(StaffCaller caller, String serviceId, JsonNode body) {
        caller.requireAny(Role.ADMIN);
        requireService(serviceId);
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
        JsonNode useDefault = body.path("useDefault");
        if (useDefault.isBoolean() && useDefault.asBoolean()) {
            if (body.has("workflow")) {
                throw Refusal.invalid("useDefault", "Send either a workflow or useDefault: true, not both.");
            }
            workflows.remove(serviceId);
            Log.info("workflow.reset", Map.of("serviceId", serviceId, "by", caller.id()));
            return view(serviceId, Optional.empty());
        }
        Workflow workflow = WorkflowReader.read(body);
        Instant now = clock.instant();
        workflows.put(serviceId, workflow, now, caller.id(), caller.name());
        Log.info("workflow.changed", Map.of("serviceId", serviceId, "by", caller.id()));
        return view(serviceId, Optional.of(new WorkflowStore.Override(workflow, now, caller.id(), caller.name())));
    }

    private void requireService(String serviceId) {
        if (catalog.service(Ids.require(serviceId, "serviceId", "service")).isEmpty()) {
            throw Refusal.notFound("There is no service " + serviceId + ".");
        }
    }

    private static WorkflowView view(String serviceId, Optional<WorkflowStore.Override> override) {
        return override.map(o -> new WorkflowView(serviceId, "service", o.workflow(), o.updatedAt(),
                        new Actor(o.updatedById(), o.updatedByName())))
                .orElseGet(() -> new WorkflowView(serviceId, "default", Workflow.DEFAULT, null, null));
    }
}

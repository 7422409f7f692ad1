package io.civicdesk.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.civicdesk.requests.Actor;
import io.civicdesk.requests.Workflow;
import io.civicdesk.requests.WorkflowStore;

import java.time.Instant;
import java.util.Optional;

/** A service's workflow as administrators see it: its own ({@code source: service}) or the default. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WorkflowView(String serviceId, String source, Workflow workflow, Instant updatedAt, Actor updatedBy) {
    static WorkflowView of(String serviceId, Optional<WorkflowStore.Override> override) {
        return override.map(o -> new WorkflowView(serviceId, "service", o.workflow(), o.updatedAt(),
                        new Actor(o.updatedById(), o.updatedByName())))
                .orElseGet(() -> new WorkflowView(serviceId, "default", Workflow.DEFAULT, null, null));
    }
}

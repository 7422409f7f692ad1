package io.civicdesk.staff;

import io.civicdesk.requests.Workflow;

/** An administrator's change to a service's workflow: its own {@code workflow}, or (null) back to the default. */
public record WorkflowChange(Workflow workflow) {
    public static final WorkflowChange USE_DEFAULT = new WorkflowChange(null);

    public boolean useDefault() {
        return workflow == null;
    }
}

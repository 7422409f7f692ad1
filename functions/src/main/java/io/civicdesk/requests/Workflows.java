package io.civicdesk.requests;

/** The workflow each service's requests follow. {@link WorkflowStore} keeps the services' own in the catalogue table. */
public interface Workflows {
    /** The service's own workflow, else {@link Workflow#DEFAULT}. */
    Workflow forService(String serviceId);
}

package io.civicdesk.requests;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A status of a workflow.
 *
 * @param pausesClock the service-level clock stops while a request is in it (e.g. waiting on the customer)
 * @param isFinal     the work is done: nothing is due; leaving it is a reopen
 */
public record WorkflowStatus(String id, String label, boolean pausesClock, @JsonProperty("final") boolean isFinal) {
}

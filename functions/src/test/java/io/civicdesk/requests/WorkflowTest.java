package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowTest {
    private static List<String> ids(List<WorkflowStatus> statuses) {
        return statuses.stream().map(WorkflowStatus::id).toList();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void theDefaultWorkflowIsSound() {
        assertEquals(List.of(), Workflow.DEFAULT.problems("workflow"));
    }

    @Test
    void theDefaultWorkflowRunsFromReceivedThroughWorkToResolvedAndClosed() {
        Workflow w = Workflow.DEFAULT;
        assertEquals(List.of("acknowledged", "in-progress", "waiting-on-customer", "resolved", "closed"), ids(w.allowedFrom("received")));
        assertTrue(w.allows("in-progress", "waiting-on-customer"));
        assertTrue(w.allows("waiting-on-customer", "in-progress"));
        assertTrue(w.allows("resolved", "closed"));
        assertFalse(w.allows("in-progress", "received"), "nothing goes back to received");
        assertFalse(w.allows("closed", "resolved"));
        assertFalse(w.allows("in-progress", "in-progress"));
    }

    @Test
    void resolvedAndClosedAreFinalAndCanBeReopenedToInProgress() {
        Workflow w = Workflow.DEFAULT;
        assertTrue(w.isFinal("resolved"));
        assertTrue(w.isFinal("closed"));
        assertFalse(w.isFinal("in-progress"));
        assertTrue(w.allows("resolved", "in-progress"));
        assertTrue(w.allows("closed", "in-progress"));
        assertEquals(List.of("in-progress"), ids(w.allowedFrom("closed")));
    }

    @Test
    void waitingOnTheCustomerPausesTheClockAndNothingElseDoes() {
        Workflow w = Workflow.DEFAULT;
        assertTrue(w.pausesClock("waiting-on-customer"));
        assertEquals(List.of("waiting-on-customer"),
                w.statuses().stream().filter(WorkflowStatus::pausesClock).map(WorkflowStatus::id).toList());
    }

    @Test
    void aStatusNoLongerInTheWorkflowMayMoveToAnyOfItsStatuses() {
        assertEquals(ids(Workflow.DEFAULT.statuses()), ids(Workflow.DEFAULT.allowedFrom("with-contractor")));
    }

    @Test
    void aWorkflowWithoutAFinalStatusIsRefused() {
        Workflow w = new Workflow(List.of(status("received", false), status("in-progress", false)),
                Map.of("received", List.of("in-progress"), "in-progress", List.of("received")));
        assertTrue(w.problems("workflow").stream().anyMatch(e -> e.field().equals("workflow.statuses")
                && e.message().contains("final")));
    }

    @Test
    void aStatusThatCannotBeReachedFromReceivedIsNamed() {
        Workflow w = new Workflow(List.of(status("received", false), status("done", true), status("orphan", false)),
                Map.of("received", List.of("done"), "orphan", List.of("done")));
        assertEquals(List.of("workflow.statuses[2]"), fields(w.problems("workflow")));
    }

    @Test
    void aNonFinalStatusWithNoWayOutIsNamed() {
        Workflow w = new Workflow(List.of(status("received", false), status("stuck", false), status("done", true)),
                Map.of("received", List.of("stuck", "done")));
        assertEquals(List.of("workflow.transitions.stuck"), fields(w.problems("workflow")));
    }

    @Test
    void transitionsToUnknownStatusesOrToThemselvesAreNamed() {
        Map<String, List<String>> transitions = new LinkedHashMap<>();
        transitions.put("received", List.of("done", "nowhere", "received"));
        transitions.put("ghost", List.of("done"));
        Workflow w = new Workflow(List.of(status("received", false), status("done", true)), transitions);
        assertEquals(List.of("workflow.transitions.received[1]", "workflow.transitions.received[2]", "workflow.transitions.ghost"),
                fields(w.problems("workflow")));
    }

    @Test
    void receivedMustBeThereAndNotFinal() {
        Workflow missing = new Workflow(List.of(status("new", false), status("done", true)), Map.of("new", List.of("done")));
        assertTrue(missing.problems("workflow").stream().anyMatch(e -> e.message().contains("received")));
        Workflow finalReceived = new Workflow(List.of(status("received", true)), Map.of());
        assertEquals(List.of("workflow.statuses[0].final"), fields(finalReceived.problems("workflow")));
    }

    @Test
    void duplicateAndMalformedStatusIdsAndMissingLabelsAreNamed() {
        Workflow w = new Workflow(List.of(status("received", false), status("Done!", true),
                new WorkflowStatus("received", "", false, false)), Map.of());
        assertEquals(List.of("workflow.statuses[1].id", "workflow.statuses[2].id", "workflow.statuses[2].label"),
                fields(w.problems("workflow")));
    }

    @Test
    void theReaderAcceptsAWorkflowWithAnExtraStatusAndKeepsItsOrder() {
        JsonNode body = Json.MAPPER.valueToTree(Map.of("workflow", Map.of(
                "statuses", List.of(
                        Map.of("id", "received", "label", "Received"),
                        Map.of("id", "with-contractor", "label", "With our contractor", "pausesClock", true),
                        Map.of("id", "closed", "label", "Closed", "final", true)),
                "transitions", Map.of("received", List.of("with-contractor", "closed"),
                        "with-contractor", List.of("closed"), "closed", List.of("with-contractor")))));
        Workflow w = WorkflowReader.read(body);
        assertEquals(List.of("received", "with-contractor", "closed"), ids(w.statuses()));
        assertTrue(w.pausesClock("with-contractor"));
        assertTrue(w.isFinal("closed"));
        assertTrue(w.allows("closed", "with-contractor"));
    }

    @Test
    void theReaderRefusesFlagsThatAreNotBooleans() {
        JsonNode body = Json.MAPPER.valueToTree(Map.of("workflow", Map.of(
                "statuses", List.of(Map.of("id", "received", "label", "Received", "final", "no")),
                "transitions", Map.of())));
        Refusal e = assertThrows(Refusal.class, () -> WorkflowReader.read(body));
        assertEquals(List.of("workflow.statuses[0].final"), fields(e.errors()));
    }

    private static WorkflowStatus status(String id, boolean isFinal) {
        return new WorkflowStatus(id, id, false, isFinal);
    }
}

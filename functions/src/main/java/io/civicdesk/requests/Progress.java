package io.civicdesk.requests;

import io.civicdesk.platform.Refusal;

import java.time.Instant;
import java.util.Map;

/**
 * Moving a request along its service's workflow: acknowledge, status, resolve, close and reopen. Each sets what
 * its new status means for the clock (finished, paused, resolved or closed at) and tells the resident when there
 * is a public message.
 */
final class Progress {
    private final Changes changes;

    Progress(Changes changes) {
        this.changes = changes;
    }

    Change acknowledge(Acting acting) {
        return to(acting, Workflow.ACKNOWLEDGED, null);
    }

    Change status(Acting acting) {
        return to(acting, acting.action().status(), null);
    }

    /** Resolved, the resolution its public update. */
    Change resolve(Acting acting) {
        return to(acting, Workflow.RESOLVED, acting.action().resolution());
    }

    Change close(Acting acting) {
        return to(acting, Workflow.CLOSED, null);
    }

    Change reopen(Acting acting) {
        return to(acting, reopenTarget(acting), null);
    }

    /** The status the officer names, else the first the workflow allows that is not final. */
    private static String reopenTarget(Acting acting) {
        String named = acting.action().status();
        if (named != null) {
            if (acting.workflow().isFinal(named)) {
                throw acting.notAllowed("Reopening moves a request back to work: choose a status that is not final.");
            }
            return named;
        }
        return NextSteps.statuses(acting.request(), acting.workflow()).stream().filter(status -> !status.isFinal())
                .map(WorkflowStatus::id).findFirst().orElseThrow();
    }

    private Change to(Acting acting, String to, String resolution) {
        ServiceRequest request = acting.request();
        Workflow workflow = acting.workflow();
        if (workflow.status(to).isEmpty()) {
            throw Refusal.invalid("status", "There is no status " + to + " in the workflow of "
                    + request.serviceName() + ". Its statuses: " + String.join(", ",
                    workflow.statuses().stream().map(WorkflowStatus::id).toList()) + ".");
        }
        if (!workflow.allows(request.status(), to)) {
            throw acting.notAllowed("A request cannot move from " + request.status() + " to " + to + ". From "
                    + request.status() + " it can move to: " + NextSteps.statusList(request, workflow) + ".");
        }
        String name = acting.action().kind().wireName();
        // Moving a finished request back to work is reopening it, whichever way the officer asked.
        if (name.equals("status") && workflow.isFinal(request.status()) && !workflow.isFinal(to)) {
            name = "reopen";
        }
        String message = resolution != null ? resolution : acting.action().publicMessage();
        HistoryEntry entry = acting.entry(name, Map.of("status", request.status()), Map.of("status", to), message,
                Intake.delivery(request));
        return changes.of(acting, request.changed(to, request.unitId(), handling(acting, to, resolution)), entry,
                message, request.handling().followers(), workflow.label(to));
    }

    /** The handling once in {@code to}: a final status keeps when it first finished, and the first move acknowledges. */
    private static Handling handling(Acting acting, String to, String resolution) {
        Handling handling = acting.request().handling();
        Instant now = acting.now();
        boolean finalNow = acting.workflow().isFinal(to);
        Instant finishedAt = finalNow ? (handling.finishedAt() != null ? handling.finishedAt() : now) : null;
        Instant resolvedAt = finalNow ? (to.equals(Workflow.RESOLVED) ? now : handling.resolvedAt()) : null;
        Instant closedAt = finalNow ? (to.equals(Workflow.CLOSED) ? now : handling.closedAt()) : null;
        String resolutionText = finalNow ? (resolution != null ? resolution : handling.resolution()) : null;
        handling = handling.withProgress(finishedAt, acting.workflow().pausesClock(to), resolvedAt, closedAt, resolutionText);
        if (handling.acknowledgedAt() == null && !to.equals(Workflow.RECEIVED)) {
            handling = handling.withAcknowledgedAt(now);
        }
        return handling;
    }
}

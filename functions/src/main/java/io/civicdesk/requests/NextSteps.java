package io.civicdesk.requests;

import io.civicdesk.requests.StaffAction.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What staff may do with a request now, as its state and its service's workflow allow (the caller's unit aside). */
final class NextSteps {
    private NextSteps() {
    }

    /** The statuses the request may move to now. A duplicate stays closed. */
    static List<WorkflowStatus> statuses(ServiceRequest request, Workflow workflow) {
        if (request.handling().duplicateOf() != null) {
            return List.of();
        }
        return workflow.allowedFrom(request.status());
    }

    /** The actions the request's state and workflow allow now, in the order the staff page offers them. */
    static List<Kind> actions(ServiceRequest request, Workflow workflow) {
        if (request.handling().duplicateOf() != null) {
            return List.of(Kind.MESSAGE, Kind.NOTE);
        }
        List<Kind> actions = new ArrayList<>();
        String status = request.status();
        boolean finished = request.handling().finishedAt() != null;
        List<WorkflowStatus> next = statuses(request, workflow);
        if (!finished && request.handling().acknowledgedAt() == null && workflow.allows(status, Workflow.ACKNOWLEDGED)) {
            actions.add(Kind.ACKNOWLEDGE);
        }
        if (!finished) {
            actions.add(Kind.ASSIGN);
        }
        if (!next.isEmpty()) {
            actions.add(Kind.STATUS);
        }
        actions.add(Kind.MESSAGE);
        actions.add(Kind.NOTE);
        if (!finished) {
            actions.add(Kind.PRIORITY);
            if (workflow.allows(status, Workflow.CLOSED)) {
                actions.add(Kind.DUPLICATE);
            }
            if (workflow.allows(status, Workflow.RESOLVED)) {
                actions.add(Kind.RESOLVE);
            }
            if (workflow.allows(status, Workflow.CLOSED)) {
                actions.add(Kind.CLOSE);
            }
        } else if (next.stream().anyMatch(s -> !s.isFinal())) {
            actions.add(Kind.REOPEN);
        }
        if (finished && workflow.allows(status, Workflow.CLOSED)) {
            actions.add(Kind.CLOSE);
        }
        return actions;
    }

    /** Why the request's state does not allow the action now, and what it does allow. */
    static String whyNot(ServiceRequest request, Workflow workflow, Kind action) {
        if (request.handling().duplicateOf() != null) {
            return "This request was closed as a duplicate of " + request.handling().duplicateOf().display()
                    + ": work on that one. Only notes and public messages can be added here.";
        }
        boolean finished = request.handling().finishedAt() != null;
        String from = " From " + request.status() + " it can move to: " + statusList(request, workflow) + ".";
        return switch (action) {
            case REOPEN -> finished ? "The workflow does not allow reopening it from " + request.status() + "."
                    : "It is not finished, so there is nothing to reopen." + from;
            case ACKNOWLEDGE -> request.handling().acknowledgedAt() != null ? "It has already been acknowledged." + from
                    : "It cannot be acknowledged from " + request.status() + "." + from;
            default -> finished
                    ? "It is " + workflow.label(request.status()).toLowerCase(Locale.ROOT) + ": reopen it first." + from
                    : "The workflow does not allow " + action.wireName() + " from " + request.status() + "." + from;
        };
    }

    /** The statuses it may move to, for a message: "nothing" when there are none. */
    static String statusList(ServiceRequest request, Workflow workflow) {
        List<String> ids = statuses(request, workflow).stream().map(WorkflowStatus::id).toList();
        return ids.isEmpty() ? "nothing" : String.join(", ", ids);
    }
}

package io.civicdesk.requests;

import io.civicdesk.platform.FieldError;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service's workflow, as data: its statuses (which pause the clock, which are final) and the transitions
 * allowed between them. New requests arrive in {@code received}. A transition out of a final status is a reopen.
 * The shortcut actions move to the statuses {@code acknowledged}, {@code resolved} and {@code closed}.
 */
public record Workflow(List<WorkflowStatus> statuses, Map<String, List<String>> transitions) {
    public static final String RECEIVED = RequestStatus.RECEIVED;
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String IN_PROGRESS = "in-progress";
    public static final String WAITING_ON_CUSTOMER = "waiting-on-customer";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    static final int MAX_STATUSES = 20;
    static final int MAX_LABEL = 60;
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,39}$");

    /** received → acknowledged → in-progress ↔ waiting-on-customer → resolved → closed; reopen from resolved or closed. */
    public static final Workflow DEFAULT = new Workflow(
            List.of(new WorkflowStatus(RECEIVED, RequestStatus.label(RECEIVED), false, false),
                    new WorkflowStatus(ACKNOWLEDGED, RequestStatus.label(ACKNOWLEDGED), false, false),
                    new WorkflowStatus(IN_PROGRESS, RequestStatus.label(IN_PROGRESS), false, false),
                    new WorkflowStatus(WAITING_ON_CUSTOMER, RequestStatus.label(WAITING_ON_CUSTOMER), true, false),
                    new WorkflowStatus(RESOLVED, RequestStatus.label(RESOLVED), false, true),
                    new WorkflowStatus(CLOSED, RequestStatus.label(CLOSED), false, true)),
            orderedMap(
                    RECEIVED, List.of(ACKNOWLEDGED, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED),
                    ACKNOWLEDGED, List.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED),
                    IN_PROGRESS, List.of(WAITING_ON_CUSTOMER, RESOLVED, CLOSED),
                    WAITING_ON_CUSTOMER, List.of(IN_PROGRESS, RESOLVED, CLOSED),
                    RESOLVED, List.of(CLOSED, IN_PROGRESS),
                    CLOSED, List.of(IN_PROGRESS)));

    public Workflow {
        statuses = List.copyOf(statuses);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        transitions.forEach((from, to) -> copy.put(from, List.copyOf(to)));
        transitions = java.util.Collections.unmodifiableMap(copy);
    }

    public Optional<WorkflowStatus> status(String id) {
        return statuses.stream().filter(status -> status.id().equals(id)).findFirst();
    }

    public boolean isFinal(String id) {
        return status(id).map(WorkflowStatus::isFinal).orElse(false);
    }

    public boolean pausesClock(String id) {
        return status(id).map(WorkflowStatus::pausesClock).orElse(false);
    }

    /**
     * The statuses a request may move to from {@code current}, in the workflow's order. A status the workflow no
     * longer has (it was changed after the request got there) may move to any of its statuses.
     */
    public List<WorkflowStatus> allowedFrom(String current) {
        if (status(current).isEmpty()) {
            return statuses;
        }
        List<String> next = transitions.getOrDefault(current, List.of());
        return next.stream().map(this::status).flatMap(Optional::stream).toList();
    }

    public boolean allows(String from, String to) {
        return allowedFrom(from).stream().anyMatch(status -> status.id().equals(to));
    }

    /** The label to show for a status: the workflow's own, else the usual words. */
    public String label(String id) {
        return status(id).map(WorkflowStatus::label).orElseGet(() -> RequestStatus.label(id));
    }

    /**
     * Everything wrong with this workflow, each naming its field under {@code prefix} (e.g. {@code workflow}),
     * so an administrator can fix them all at once. Empty when it is sound.
     */
    public List<FieldError> problems(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (statuses.isEmpty()) {
            errors.add(new FieldError(prefix + ".statuses", "A workflow needs statuses, starting with received."));
            return errors;
        }
        if (statuses.size() > MAX_STATUSES) {
            errors.add(new FieldError(prefix + ".statuses", "A workflow has at most " + MAX_STATUSES + " statuses."));
        }
        for (int i = 0; i < statuses.size(); i++) {
            WorkflowStatus status = statuses.get(i);
            String field = prefix + ".statuses[" + i + "]";
            if (status.id() == null || !ID.matcher(status.id()).matches()) {
                errors.add(new FieldError(field + ".id", "A status id is 1 to 40 lower-case letters, digits and hyphens, like in-progress."));
            } else if (!ids.add(status.id())) {
                errors.add(new FieldError(field + ".id", "The status " + status.id() + " is listed twice."));
            }
            if (status.label() == null || status.label().isBlank() || status.label().strip().length() > MAX_LABEL) {
                errors.add(new FieldError(field + ".label", "Give the status a label of 1 to " + MAX_LABEL + " characters: residents see it."));
            }
        }
        Optional<WorkflowStatus> received = status(RECEIVED);
        if (received.isEmpty()) {
            errors.add(new FieldError(prefix + ".statuses", "The workflow needs the status received: new requests arrive in it."));
        } else if (received.get().isFinal()) {
            errors.add(new FieldError(prefix + ".statuses[" + statuses.indexOf(received.get()) + "].final",
                    "received cannot be final: new requests arrive in it."));
        }
        if (statuses.stream().noneMatch(WorkflowStatus::isFinal)) {
            errors.add(new FieldError(prefix + ".statuses", "At least one status must be final, or no request could ever be finished."));
        }
        transitions.forEach((from, targets) -> {
            String field = prefix + ".transitions." + from;
            if (!ids.contains(from)) {
                errors.add(new FieldError(field, "There is no status " + from + " in this workflow."));
            }
            for (int i = 0; i < targets.size(); i++) {
                String to = targets.get(i);
                if (!ids.contains(to)) {
                    errors.add(new FieldError(field + "[" + i + "]", "There is no status " + to + " in this workflow."));
                } else if (to.equals(from)) {
                    errors.add(new FieldError(field + "[" + i + "]", "A status cannot move to itself."));
                } else if (targets.indexOf(to) != i) {
                    errors.add(new FieldError(field + "[" + i + "]", from + " → " + to + " is listed twice."));
                }
            }
        });
        if (!errors.isEmpty()) {
            return errors;
        }
        Set<String> reachable = reachableFrom(RECEIVED);
        for (int i = 0; i < statuses.size(); i++) {
            WorkflowStatus status = statuses.get(i);
            if (!reachable.contains(status.id())) {
                errors.add(new FieldError(prefix + ".statuses[" + i + "]",
                        "No request can reach " + status.id() + " from received: add a transition to it."));
            }
            if (!status.isFinal() && transitions.getOrDefault(status.id(), List.of()).isEmpty()) {
                errors.add(new FieldError(prefix + ".transitions." + status.id(),
                        status.id() + " is not final, so it needs a way out: add a transition from it."));
            }
        }
        return errors;
    }

    private Set<String> reachableFrom(String start) {
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> next = new ArrayDeque<>(List.of(start));
        while (!next.isEmpty()) {
            for (String to : transitions.getOrDefault(next.pop(), List.of())) {
                if (seen.add(to)) {
                    next.push(to);
                }
            }
        }
        return seen;
    }

    private static Map<String, List<String>> orderedMap(Object... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> to = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], to);
        }
        return map;
    }
}

package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a workflow an administrator sent ({@code PUT /staff/workflows/{serviceId}}) and checks it whole. */
public final class WorkflowReader {
    private WorkflowReader() {
    }

    /** The workflow under {@code workflow} in the body; 400 naming every field that is wrong. */
    public static Workflow read(JsonNode body) {
        JsonNode node = body.path("workflow");
        if (!node.isObject()) {
            throw Refusal.invalid("workflow", "Send the workflow: its statuses and transitions.");
        }
        List<FieldError> errors = new ArrayList<>();
        List<WorkflowStatus> statuses = new ArrayList<>();
        JsonNode statusNodes = node.path("statuses");
        if (!statusNodes.isArray()) {
            errors.add(new FieldError("workflow.statuses", "statuses must be a list of { id, label, pausesClock, final }."));
        } else {
            for (int i = 0; i < statusNodes.size(); i++) {
                JsonNode status = statusNodes.get(i);
                String field = "workflow.statuses[" + i + "]";
                if (!status.isObject()) {
                    errors.add(new FieldError(field, "Each status is { id, label, pausesClock, final }."));
                    continue;
                }
                statuses.add(new WorkflowStatus(text(status.path("id")), text(status.path("label")),
                        flag(status, "pausesClock", field, errors), flag(status, "final", field, errors)));
            }
        }
        Map<String, List<String>> transitions = new LinkedHashMap<>();
        JsonNode transitionNodes = node.path("transitions");
        if (!transitionNodes.isObject()) {
            errors.add(new FieldError("workflow.transitions", "transitions must map each status to the statuses it may move to."));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> fields = transitionNodes.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (!entry.getValue().isArray()) {
                    errors.add(new FieldError("workflow.transitions." + entry.getKey(), "List the statuses it may move to."));
                    continue;
                }
                List<String> to = new ArrayList<>();
                entry.getValue().forEach(target -> to.add(target.isTextual() ? target.asText().strip() : String.valueOf(target)));
                transitions.put(entry.getKey(), to);
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        Workflow workflow = new Workflow(statuses, transitions);
        List<FieldError> problems = workflow.problems("workflow");
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems);
        }
        return workflow;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText().strip() : null;
    }

    private static boolean flag(JsonNode status, String name, String field, List<FieldError> errors) {
        JsonNode value = status.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(field + "." + name, name + " must be true or false."));
            return false;
        }
        return value.asBoolean();
    }
}

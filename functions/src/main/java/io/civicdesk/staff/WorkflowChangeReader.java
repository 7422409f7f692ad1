package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Refusal;
import io.civicdesk.requests.WorkflowReader;

/** Reads {@code PUT /staff/workflows/{serviceId}}: a workflow of the service's own, or {@code useDefault: true}. */
public final class WorkflowChangeReader {
    private WorkflowChangeReader() {
    }

    public static WorkflowChange read(JsonNode body) {
        if (!body.isObject()) {
            throw Refusal.unreadable("The request body must be a JSON object.");
        }
        JsonNode useDefault = body.path("useDefault");
        if (useDefault.isBoolean() && useDefault.asBoolean()) {
            if (body.has("workflow")) {
                throw Refusal.invalid("useDefault", "Send either a workflow or useDefault: true, not both.");
            }
            return WorkflowChange.USE_DEFAULT;
        }
        return new WorkflowChange(WorkflowReader.read(body));
    }
}

package io.civicdesk.requests;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * One action being applied: by whom, to the request as just read, under its service's workflow, and when.
 *
 * @param notAllowed the 409 for a change the request's state does not allow, with the request as it is now
 */
record Acting(StaffCaller caller, ServiceRequest request, Workflow workflow, StaffAction action, Instant now,
              Function<String, Refusal> notAllowed) {
    Actor by() {
        return new Actor(caller.id(), caller.name());
    }

    Refusal notAllowed(String message) {
        return notAllowed.apply(message);
    }

    /** The history entry of this action: public when it carries a message for the resident. */
    HistoryEntry entry(String name, Map<String, String> before, Map<String, String> after,
                       String publicMessage, String delivery) {
        return new HistoryEntry(request.version() + 1, 0, now, by(), name, before, after, publicMessage, action.note(),
                publicMessage == null ? HistoryEntry.Visibility.INTERNAL : HistoryEntry.Visibility.PUBLIC,
                publicMessage == null ? null : delivery);
    }
}

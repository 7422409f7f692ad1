package io.civicdesk.requests;

import java.util.List;

/**
 * One request's part of a change: the request as it will be (its version one more than {@code expectedVersion}),
 * and the history entries and public updates the change adds.
 */
public record RequestChange(ServiceRequest after, long expectedVersion, List<HistoryEntry> history,
                            List<PublicUpdate> updates) {
    public RequestChange {
        history = List.copyOf(history);
        updates = List.copyOf(updates);
    }
}

package io.civicdesk.requests;

import java.util.List;

/** A request with everything staff see of it: its history and its public updates. */
public record RequestRecord(ServiceRequest request, List<HistoryEntry> history, List<PublicUpdate> updates) {
    public RequestRecord {
        history = List.copyOf(history);
        updates = List.copyOf(updates);
    }
}

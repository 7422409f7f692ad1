package io.civicdesk.requests;

import java.util.List;

/** A request and its public updates: what its tracking page may show, never its history. */
public record RequestWithUpdates(ServiceRequest request, List<PublicUpdate> updates) {
    public RequestWithUpdates {
        updates = List.copyOf(updates);
    }
}

package io.civicdesk.requests;

import io.civicdesk.notify.Outgoing;

import java.time.Instant;
import java.util.List;

/**
 * A staff action ready to save: the requests it writes (the one acted on first), its mail and texts, and when it
 * happened.
 */
record Change(List<RequestChange> writes, List<? extends Outgoing> mails, Instant at) {
    RequestChange own() {
        return writes.get(0);
    }
}

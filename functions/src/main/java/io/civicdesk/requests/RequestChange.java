package io.civicdesk.requests;

import java.util.List;

/**
 * One request's part of a change: the request as it will be (its version one more than {@code expectedVersion}),
 * and the history entries and public updates the change adds.
 *
 * @param followersBefore the followers as read, when the change may change them (the store then adds and removes
 *                        their lookup items); null when it leaves them as they are
 */
public record RequestChange(ServiceRequest after, long expectedVersion, List<HistoryEntry> history,
                            List<PublicUpdate> updates, List<Follower> followersBefore) {
    public RequestChange {
        history = List.copyOf(history);
        updates = List.copyOf(updates);
        followersBefore = followersBefore == null ? null : List.copyOf(followersBefore);
    }

    public RequestChange(ServiceRequest after, long expectedVersion, List<HistoryEntry> history, List<PublicUpdate> updates) {
        this(after, expectedVersion, history, updates, null);
    }
}

package io.civicdesk.requests;

import java.time.Instant;
import java.util.List;

/**
 * What staff have done with a request, beyond its status.
 *
 * @param acknowledgedAt its first response: when it first left its initial status
 * @param finishedAt     when it entered a final status of its workflow; null while it is being worked on
 * @param paused         its status pauses the service-level clock (e.g. waiting on the customer)
 * @param duplicateOf    the original, when this request was closed as a duplicate of it
 * @param followers      the residents of its duplicates, who follow this one
 * @param loggedBy       the officer who logged it for a caller or walk-in; null for a resident's own report
 */
public record Handling(Priority priority, Actor assignee, Instant acknowledgedAt, Instant finishedAt, boolean paused,
                       Instant resolvedAt, Instant closedAt, String resolution, Reference duplicateOf,
                       List<Follower> followers, boolean resolvedAtFirstContact, Actor loggedBy) {

    public Handling {
        priority = priority == null ? Priority.NORMAL : priority;
        followers = followers == null ? List.of() : List.copyOf(followers);
    }

    /** A request just received, as a resident's own report or logged by an officer. */
    public static Handling received(Actor loggedBy) {
        return new Handling(Priority.NORMAL, null, null, null, false, null, null, null, null, List.of(), false, loggedBy);
    }

    public Handling withPriority(Priority value) {
        return new Handling(value, assignee, acknowledgedAt, finishedAt, paused, resolvedAt, closedAt, resolution,
                duplicateOf, followers, resolvedAtFirstContact, loggedBy);
    }

    public Handling withAssignee(Actor value) {
        return new Handling(priority, value, acknowledgedAt, finishedAt, paused, resolvedAt, closedAt, resolution,
                duplicateOf, followers, resolvedAtFirstContact, loggedBy);
    }

    public Handling withAcknowledgedAt(Instant value) {
        return new Handling(priority, assignee, value, finishedAt, paused, resolvedAt, closedAt, resolution,
                duplicateOf, followers, resolvedAtFirstContact, loggedBy);
    }

    /** Where it stands in its workflow: finished (or not), paused (or not), and when it was resolved or closed. */
    public Handling withProgress(Instant finished, boolean isPaused, Instant resolved, Instant closed, String resolutionText) {
        return new Handling(priority, assignee, acknowledgedAt, finished, isPaused, resolved, closed, resolutionText,
                duplicateOf, followers, resolvedAtFirstContact, loggedBy);
    }

    public Handling withDuplicateOf(Reference original) {
        return new Handling(priority, assignee, acknowledgedAt, finishedAt, paused, resolvedAt, closedAt, resolution,
                original, followers, resolvedAtFirstContact, loggedBy);
    }

    public Handling withFollowers(List<Follower> value) {
        return new Handling(priority, assignee, acknowledgedAt, finishedAt, paused, resolvedAt, closedAt, resolution,
                duplicateOf, value, resolvedAtFirstContact, loggedBy);
    }

    public Handling withResolvedAtFirstContact(boolean value) {
        return new Handling(priority, assignee, acknowledgedAt, finishedAt, paused, resolvedAt, closedAt, resolution,
                duplicateOf, followers, value, loggedBy);
    }
}

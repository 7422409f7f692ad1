package io.civicdesk.requests;

/** A member of staff as a request records them: who assigned, who logged, who changed it. */
public record Actor(String id, String name) {
}

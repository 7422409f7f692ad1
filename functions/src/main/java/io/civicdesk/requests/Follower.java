package io.civicdesk.requests;

/**
 * The resident of a request closed as a duplicate, following the original: the original's public updates are
 * mailed to them too. Only what reaching them needs is copied onto the original.
 */
public record Follower(Reference reference, String email, PreferredChannel preferredChannel) {
}

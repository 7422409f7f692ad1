package io.civicdesk.requests;

import io.civicdesk.languages.Language;

/**
 * The resident of a request closed as a duplicate, following the original: the original's public updates are
 * mailed to them too, in their own language. Only what reaching them needs is copied onto the original.
 */
public record Follower(Reference reference, String email, PreferredChannel preferredChannel, Language language) {
}

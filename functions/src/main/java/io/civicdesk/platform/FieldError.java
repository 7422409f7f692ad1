package io.civicdesk.platform;

/** One thing wrong with what was sent: the field, by its path in the JSON body, and what to do about it. */
public record FieldError(String field, String message) {
}

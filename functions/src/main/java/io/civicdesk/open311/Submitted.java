package io.civicdesk.open311;

/** The answer to {@code POST requests}: the new request's reference and what happens next. */
public record Submitted(String serviceRequestId, String serviceNotice) {
}

package io.civicdesk.requests;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a new report: what anyone may know about it, and the two links to follow it. */
public record SubmissionReceipt(@JsonUnwrapped RequestSummary summary, String trackingLink, String privateLink) {
}

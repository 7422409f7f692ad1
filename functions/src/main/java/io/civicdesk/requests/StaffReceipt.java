package io.civicdesk.requests;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to a request an officer logged: what anyone may know about it and its tracking link. The private
 * link goes to the resident alone, in their confirmation mail.
 */
public record StaffReceipt(@JsonUnwrapped RequestSummary summary, String trackingLink, String channel,
                           boolean resolvedAtFirstContact) {
}

package io.civicdesk.feedback;

import io.civicdesk.requests.Contact;

/**
 * Feedback as the resident sent it, each field well formed but not yet looked up: the unit, service and request
 * reference as typed ({@code requestReference} may be unknown), the message, and how to reply.
 */
public record FeedbackForm(String kind, String unitId, String serviceId, String requestReference, String bookingReference,
                           String officerName, String message, Contact contact) {
    public static final String COMPLAINT = "complaint";

    public boolean complaint() {
        return COMPLAINT.equals(kind);
    }
}

package io.civicdesk.feedback;

import io.civicdesk.languages.Language;
import io.civicdesk.platform.FieldError;
import io.civicdesk.requests.Contact;

import java.util.List;

/**
 * Feedback as the resident sent it, not yet looked up: the unit, service and request reference as typed
 * ({@code requestReference} may be unknown), the message, and how to reply. A field that could not be read is
 * null here and named in {@code misread}, so the service answers those mistakes together with the unit, service
 * or request it cannot find: the resident hears of every problem at once. {@code language} is the one a
 * complainant's mails are written in; {@code texts}: they chose text messages to {@code contact.phone} instead.
 */
public record FeedbackForm(String kind, String unitId, String serviceId, String requestReference, String bookingReference,
                           String officerName, String message, Contact contact, boolean texts, Language language,
                           List<FieldError> misread) {
    public static final String COMPLAINT = "complaint";

    public FeedbackForm {
        misread = List.copyOf(misread);
    }

    public boolean complaint() {
        return COMPLAINT.equals(kind);
    }
}

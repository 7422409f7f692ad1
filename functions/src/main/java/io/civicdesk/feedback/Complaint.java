package io.civicdesk.feedback;

import io.civicdesk.languages.Language;
import io.civicdesk.requests.Contact;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A complaint as a case with its own targets, or ({@code parentReference} set) the internal review of one: a
 * linked case handled by a supervisor outside the unit complained about. Only a hash of the complainant's
 * private link's secret is kept. {@code texts}: the complainant chose text messages (to {@code contact.phone}) over mail.
 */
public record Complaint(String reference, String parentReference, String unitId, String serviceId, String theme,
                        About about, String message, Contact contact, Language language, boolean texts, Instant receivedAt, String status,
                        LocalDate acknowledgeBy, LocalDate answerBy, Instant acknowledgedAt, Instant answeredAt,
                        String outcome, String reasons, String handledBy, String handlerUnitId,
                        LocalDate reviewRequestBy, String reviewReference, String secretHash, long version) {

    public Complaint {
        language = language == null ? Language.SOURCE : language;
    }

    public static final String RECEIVED = "received";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String ANSWERED = "answered";
    public static final String UNDER_REVIEW = "under-review";
    public static final String REVIEWED = "reviewed";

    /** What the feedback is about: any of a unit, a service, a request or a booking (references as typed). */
    public record About(String unitId, String serviceId, String requestReference, String bookingReference, String officerName) {
    }

    public boolean isReview() {
        return parentReference != null;
    }

    public boolean open() {
        return RECEIVED.equals(status) || ACKNOWLEDGED.equals(status);
    }

    public Complaint with(String status, Instant acknowledgedAt, Instant answeredAt, String outcome, String reasons,
                          String handledBy, String handlerUnitId, LocalDate reviewRequestBy, String reviewReference) {
        return new Complaint(reference, parentReference, unitId, serviceId, theme, about, message, contact, language, texts, receivedAt,
                status, acknowledgeBy, answerBy, acknowledgedAt, answeredAt, outcome, reasons, handledBy, handlerUnitId,
                reviewRequestBy, reviewReference, secretHash, version + 1);
    }
}

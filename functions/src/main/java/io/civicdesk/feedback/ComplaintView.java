package io.civicdesk.feedback;

import io.civicdesk.requests.Reference;
import io.civicdesk.sla.BusinessCalendar;

import java.time.LocalDate;

/**
 * A complaint (or review) as its pages show it: status, targets, and how long each step took in business days
 * against its target. The complainant's view carries their review; the staff view also who it is about.
 */
public record ComplaintView(String reference, String displayReference, String kind, String parentReference,
                            String status, String unitId, String serviceId, String theme, String receivedAt,
                            Targets targets, Step acknowledged, Step answered, String outcome, String reasons,
                            String message, String contactName, String contactEmail,
                            ReviewRequest reviewRequest, ComplaintView review) {

    public record Targets(LocalDate acknowledgeBy, LocalDate answerBy) {
    }

    /** When a step was done, in business days from receipt, and whether that met its target. */
    public record Step(String at, int businessDays, boolean withinTarget) {
    }

    /** Whether the complainant may still ask for a review, and until when. */
    public record ReviewRequest(boolean possible, LocalDate by) {
    }

    static ComplaintView of(Complaint complaint, Complaint review, BusinessCalendar calendar, LocalDate today) {
        ComplaintView base = base(complaint, calendar, false);
        ReviewRequest reviewRequest = complaint.reviewRequestBy() == null ? null : new ReviewRequest(
                Complaint.ANSWERED.equals(complaint.status()) && !today.isAfter(complaint.reviewRequestBy()), complaint.reviewRequestBy());
        return new ComplaintView(base.reference, base.displayReference, base.kind, null, base.status, base.unitId,
                base.serviceId, base.theme, base.receivedAt, base.targets, base.acknowledged, base.answered, base.outcome,
                base.reasons, base.message, null, null, reviewRequest, review == null ? null : base(review, calendar, false));
    }

    static ComplaintView staff(Complaint complaint, BusinessCalendar calendar, LocalDate today) {
        return base(complaint, calendar, true);
    }

    private static ComplaintView base(Complaint c, BusinessCalendar calendar, boolean staff) {
        LocalDate received = calendar.localDate(c.receivedAt());
        Step acknowledged = c.acknowledgedAt() == null ? null : step(calendar, received, c.acknowledgedAt(), c.acknowledgeBy());
        Step answered = c.answeredAt() == null ? null : step(calendar, received, c.answeredAt(), c.answerBy());
        return new ComplaintView(c.reference(), new Reference(c.reference()).display(), c.isReview() ? "review" : "complaint",
                c.parentReference(), c.status(), c.unitId(), c.serviceId(), c.theme(), c.receivedAt().toString(),
                new Targets(c.acknowledgeBy(), c.answerBy()), acknowledged, answered, c.outcome(), c.reasons(), c.message(),
                staff ? c.contact().name() : null, staff ? c.contact().email() : null, null, null);
    }

    private static Step step(BusinessCalendar calendar, LocalDate received, java.time.Instant at, LocalDate target) {
        LocalDate day = calendar.localDate(at);
        return new Step(at.toString(), calendar.businessDaysBetween(received, day), !day.isAfter(target));
    }
}

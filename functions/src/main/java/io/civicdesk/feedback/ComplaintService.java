package io.civicdesk.feedback;

import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Reference;
import io.civicdesk.sla.BusinessCalendar;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A complaint's life: acknowledged and answered by its unit (or a supervisor) within its targets, the outcome and
 * reasons mailed to the complainant, who may ask for an internal review within the review window from their
 * private link; the review is a linked case that only a supervisor outside the unit complained about may handle.
 * Every change is a conditional write on the case's version, with its mail in the same transaction.
 */
public final class ComplaintService {
    private final Complaints complaints;
    private final OutboxStore outbox;
    private final Transactions transactions;
    private final ComplaintTargets targets;
    private final CouncilCalendar council;
    private final Clock clock;
    private final SecureRandom random;
    private final String portalUrl;
    private final StaffReadAudit audit;

    public ComplaintService(Complaints complaints, OutboxStore outbox, Transactions transactions, ComplaintTargets targets,
                            CouncilCalendar council, Clock clock, SecureRandom random, String portalUrl, StaffReadAudit audit) {
        this.complaints = complaints;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
        this.targets = targets;
        this.council = council;
        this.clock = clock;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** A staff member's finding on a complaint or review: the outcome and the reasons sent to the complainant. */
    public record Finding(String outcome, String reasons) {
    }

    // ---- the complainant, with their private link

    public ComplaintView view(String typedReference, String secret) {
        Complaint complaint = owned(typedReference, secret);
        Complaint review = complaint.reviewReference() == null ? null : complaints.find(complaint.reviewReference()).orElse(null);
        return ComplaintView.of(complaint, review, council.calendar(), council.calendar().localDate(clock.instant()));
    }

    public ComplaintView requestReview(String typedReference, String secret, String reason) {
        Complaint complaint = owned(typedReference, secret);
        Instant now = clock.instant();
        LocalDate today = council.calendar().localDate(now);
        if (complaint.isReview() || !Complaint.ANSWERED.equals(complaint.status())) {
            throw new Refusal(Refusal.Kind.CONFLICT, complaint.reviewReference() != null ? "A review of this complaint has already been asked for."
                    : "A review can be asked for once the complaint has been answered.", List.of(new FieldError("reference", "No review can be asked for now.")));
        }
        if (today.isAfter(complaint.reviewRequestBy())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "The time to ask for a review ended on " + complaint.reviewRequestBy() + ".",
                    List.of(new FieldError("reference", "The review period has ended.")));
        }
        String reviewReference = Reference.random(random).value();
        Complaint review = new Complaint(reviewReference, complaint.reference(), complaint.unitId(), complaint.serviceId(),
                complaint.theme(), complaint.about(), reason, complaint.contact(), complaint.language(), complaint.texts(), now, Complaint.RECEIVED,
                targets.acknowledgeBy(council.calendar(), today), targets.answerBy(council.calendar(), today),
                null, null, null, null, null, null, null, null, complaint.secretHash(), 1);
        Complaint parent = complaint.with(Complaint.UNDER_REVIEW, complaint.acknowledgedAt(), complaint.answeredAt(),
                complaint.outcome(), complaint.reasons(), complaint.handledBy(), complaint.handlerUnitId(),
                complaint.reviewRequestBy(), reviewReference);
        List<Write> writes = new ArrayList<>(List.of(complaints.save(parent)));
        complaints.create(review).forEach(write -> writes.add("case".equals(write.name()) ? write.named("review") : write));
        writes.add(outbox.pending("mail", FeedbackMails.reviewRequested(council.council().name(), review, link(parent)), now));
        commit(writes);
        return ComplaintView.of(parent, review, council.calendar(), today);
    }

    // ---- staff

    /** The open complaints and the open reviews the caller may handle, each the soonest due first. */
    public record Queues(List<ComplaintView> complaints, List<ComplaintView> reviews) {
    }

    /** The queues show each complainant's name and email: the read is audited, one entry naming every case shown. */
    public Queues queues(StaffCaller caller) {
        Queues queues = new Queues(open(caller, "complaints"), open(caller, "reviews"));
        List<String> shown = new ArrayList<>();
        queues.complaints().forEach(c -> shown.add(c.reference()));
        queues.reviews().forEach(c -> shown.add(c.reference()));
        audit.shown(caller, "complaint", shown);
        return queues;
    }

    /** Open complaints ("complaints") or reviews ("reviews") the caller may handle, the soonest due first. */
    public List<ComplaintView> open(StaffCaller caller, String queue) {
        caller.requireAny(Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
        BusinessCalendar calendar = council.calendar();
        LocalDate today = calendar.localDate(clock.instant());
        return complaints.open(queue).stream().filter(c -> mayHandle(caller, c))
                .map(c -> ComplaintView.staff(c, calendar, today)).toList();
    }

    /** {@code note}: the acknowledgement's own words to the complainant, or null. */
    public ComplaintView acknowledge(StaffCaller caller, String typedReference, String note) {
        Complaint complaint = found(typedReference);
        requireHandler(caller, complaint);
        if (!Complaint.RECEIVED.equals(complaint.status())) {
            throw conflict("This " + (complaint.isReview() ? "review" : "complaint") + " has already been acknowledged.");
        }
        Instant now = clock.instant();
        Complaint changed = complaint.with(Complaint.ACKNOWLEDGED, now, null, null, null, caller.name(), caller.unitId(), null, null);
        commit(List.of(complaints.save(changed),
                outbox.pending("mail", FeedbackMails.acknowledged(council.council().name(), changed, note, link(changed)), now)));
        return ComplaintView.staff(changed, council.calendar(), council.calendar().localDate(now));
    }

    public ComplaintView answer(StaffCaller caller, String typedReference, Finding finding) {
        Complaint complaint = found(typedReference);
        requireHandler(caller, complaint);
        if (!complaint.open()) {
            throw conflict("This " + (complaint.isReview() ? "review" : "complaint") + " has already been answered.");
        }
        Instant now = clock.instant();
        LocalDate today = council.calendar().localDate(now);
        Instant acknowledged = complaint.acknowledgedAt() == null ? now : complaint.acknowledgedAt();
        Complaint changed = complaint.with(Complaint.ANSWERED, acknowledged, now, finding.outcome(), finding.reasons(),
                caller.name(), caller.unitId(),
                complaint.isReview() ? null : targets.reviewRequestBy(council.calendar(), today), null);
        List<Write> writes = new ArrayList<>(List.of(complaints.save(changed)));
        if (changed.isReview()) {
            Complaint parent = complaints.find(changed.parentReference()).orElseThrow();
            writes.add(complaints.save(parent.with(Complaint.REVIEWED, parent.acknowledgedAt(), parent.answeredAt(),
                    parent.outcome(), parent.reasons(), parent.handledBy(), parent.handlerUnitId(), parent.reviewRequestBy(),
                    parent.reviewReference())).named("parent"));
        }
        writes.add(outbox.pending("mail", FeedbackMails.answered(council.council().name(), changed, link(changed)), now));
        commit(writes);
        return ComplaintView.staff(changed, council.calendar(), today);
    }

    /** A case the caller may handle, as it is stored: for words written to its complainant (the read is audited). */
    public Complaint handled(StaffCaller caller, String typedReference) {
        Complaint complaint = found(typedReference);
        requireHandler(caller, complaint);
        audit.shown(caller, "complaint", List.of(complaint.reference()));
        return complaint;
    }

    /** The case's investigation notes, oldest first: staff words that may name the complainant, so the read is audited. */
    public List<ComplaintNote> notes(StaffCaller caller, String typedReference) {
        Complaint complaint = found(typedReference);
        requireHandler(caller, complaint);
        List<ComplaintNote> notes = complaints.notes(complaint.reference());
        audit.shown(caller, "complaint", List.of(complaint.reference()));
        return notes;
    }

    /** Records an investigation note (never sent to the complainant); the case's notes after it. */
    public List<ComplaintNote> addNote(StaffCaller caller, String typedReference, String note) {
        Complaint complaint = found(typedReference);
        requireHandler(caller, complaint);
        commit(List.of(complaints.noted(new ComplaintNote(complaint.reference(), clock.instant(), caller.id(), caller.name(), note))));
        return notes(caller, typedReference);
    }

    /**
     * Who may handle a case: for a complaint, its unit's officers, supervisors and administrators; for a review,
     * only a supervisor who is not in the unit complained about.
     */
    static boolean mayHandle(StaffCaller caller, Complaint complaint) {
        if (complaint.isReview()) {
            return caller.has(Role.SUPERVISOR) && (caller.unitId() == null || !caller.unitId().equals(complaint.unitId()));
        }
        return caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN)
                || caller.has(Role.OFFICER) && caller.unitId() != null && caller.unitId().equals(complaint.unitId());
    }

    private static void requireHandler(StaffCaller caller, Complaint complaint) {
        if (!mayHandle(caller, complaint)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, complaint.isReview()
                    ? "A review is handled by a supervisor outside the unit complained about."
                    : "This complaint belongs to another unit. Ask a supervisor.");
        }
    }

    private String link(Complaint complaint) {
        // The private link's secret is known only to the complainant; mails after the first point to the page,
        // which asks for the link from their first mail when opened without it.
        return portalUrl + "/complaint.html?ref=" + (complaint.isReview() ? complaint.parentReference() : complaint.reference());
    }

    private Complaint found(String typedReference) {
        Reference reference = Reference.parse(typedReference).orElseThrow(() -> Refusal.invalid(List.of(
                new FieldError("reference", "A complaint reference is 8 letters and numbers, like K7MP-3QXR."))));
        return complaints.find(reference.value()).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND,
                "We could not find a complaint with the reference " + reference.display() + ".",
                List.of(new FieldError("reference", "Unknown complaint reference."))));
    }

    private Complaint owned(String typedReference, String secret) {
        Complaint complaint = found(typedReference);
        if (!Hashes.matches(secret, complaint.secretHash()) || complaint.isReview()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "Open your complaint from the link in the first email we sent you.",
                    List.of(new FieldError("key", "This link is not for this complaint.")));
        }
        return complaint;
    }

    private void commit(List<Write> writes) {
        try {
            transactions.commit(writes);
        } catch (Refused refused) {
            throw conflict("Someone else changed this complaint at the same time. Reload it and try again.");
        }
    }

    private static Refusal conflict(String message) {
        return new Refusal(Refusal.Kind.CONFLICT, message, List.of(new FieldError("status", message)));
    }
}

package io.civicdesk.feedback;

import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Hashes;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.ServiceRequest;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Compliments, suggestions and complaints, at any time, about a unit, a service, a request (by reference) or a
 * booking (by reference). Contact details are optional for compliments and suggestions; a complaint needs an
 * email address, because its acknowledgement, outcome and reasons are sent to it. A complaint becomes a case
 * with its own targets; a compliment or suggestion is mailed to the unit's inbox.
 */
public final class FeedbackService {
    private final FeedbackSubjects subjects;
    private final Complaints complaints;
    private final FeedbackStore feedback;
    private final OutboxStore outbox;
    private final IdempotentCommand command;
    private final ComplaintTargets targets;
    private final CouncilCalendar council;
    private final SecureRandom random;
    private final String portalUrl;

    public FeedbackService(FeedbackSubjects subjects, Complaints complaints, FeedbackStore feedback, OutboxStore outbox,
                           IdempotentCommand command, ComplaintTargets targets, CouncilCalendar council, SecureRandom random,
                           String portalUrl) {
        this.subjects = subjects;
        this.complaints = complaints;
        this.feedback = feedback;
        this.outbox = outbox;
        this.command = command;
        this.targets = targets;
        this.council = council;
        this.random = random;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** The feedback with what it is about looked up: the unit and service it counts under, and its theme. */
    private record Resolved(FeedbackForm form, Complaint.About about, String unitId, String serviceId, String theme) {
    }

    /** Once per idempotency key: a retry is given the first answer. */
    public Idempotency.Answer submit(FeedbackForm form, Optional<Idempotency.Key> key) {
        return command.run(key, now -> {
            Resolved resolved = resolve(form);
            return form.complaint() ? complaint(resolved, now) : toUnit(resolved, now);
        });
    }

    private IdempotentCommand.Prepared complaint(Resolved read, Instant now) {
        LocalDate today = council.calendar().localDate(now);
        String secret = Hashes.newSecret(random);
        String reference = Reference.random(random).value();
        Complaint complaint = new Complaint(reference, null, read.unitId(), read.serviceId(), read.theme(), read.about(),
                read.form().message(), read.form().contact(), read.form().language(), read.form().texts(), now, Complaint.RECEIVED,
                targets.acknowledgeBy(council.calendar(), today), targets.answerBy(council.calendar(), today),
                null, null, null, null, null, null, null, null, Hashes.sha256(secret), 1);
        String privateLink = portalUrl + "/complaint.html?ref=" + reference + "#key=" + secret;
        List<Write> writes = new ArrayList<>(complaints.create(complaint));
        writes.add(outbox.pending("mail", FeedbackMails.complaintReceived(council.council().name(), complaint, privateLink), now));
        return IdempotentCommand.Prepared.of(FeedbackViews.complaintReceived(complaint, privateLink), writes)
                .drawnAfresh("case")
                .afterCommit(() -> Log.info("complaint.received", Map.of("reference", reference, "unitId", String.valueOf(read.unitId()))));
    }

    private IdempotentCommand.Prepared toUnit(Resolved read, Instant now) {
        FeedbackForm form = read.form();
        List<Write> writes = new ArrayList<>();
        writes.addAll(feedback.create(UUID.randomUUID().toString(), form.kind(), read.unitId(), read.serviceId(), read.about(),
                form.message(), form.contact(), now));
        Unit unit = read.unitId() == null ? null : subjects.unit(read.unitId()).orElse(null);
        if (unit != null && unit.email() != null) {
            writes.add(outbox.pending("mail", FeedbackMails.toUnit(council.council().name(), unit.email(), form.kind(), unit.name(),
                    read.about(), form.message(), form.contact().name()), now));
        }
        namedOfficer(read).ifPresent(officer -> writes.add(outbox.pending("officerMail", FeedbackMails.toOfficer(
                council.council().name(), officer, unit == null ? null : unit.name(), read.about(), form.message(),
                form.contact().name()), now)));
        return IdempotentCommand.Prepared.of(FeedbackViews.passedOn(form.kind()), writes)
                .drawnAfresh("feedback")
                .afterCommit(() -> Log.info("feedback.received", Map.of("kind", form.kind(), "unitId", String.valueOf(read.unitId()))));
    }

    /**
     * The officer a compliment names, if exactly one in the directory has that name (in the unit it is about, if
     * any): two of the same name would leave the compliment's owner in doubt, so then only the unit hears of it.
     */
    private Optional<StaffMember> namedOfficer(Resolved read) {
        if (!"compliment".equals(read.form().kind()) || read.about().officerName() == null) {
            return Optional.empty();
        }
        List<StaffMember> named = subjects.named(read.about().officerName(), read.unitId());
        return named.size() == 1 && named.get(0).email() != null ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** @throws Refusal naming each field the reader could not read and each unit, service or request not known */
    private Resolved resolve(FeedbackForm form) {
        List<FieldError> errors = new ArrayList<>(form.misread());
        Unit unit = null;
        if (form.unitId() != null) {
            unit = subjects.unit(form.unitId()).orElse(null);
            if (unit == null) {
                errors.add(new FieldError("about.unitId", "Choose a team from the list."));
            }
        }
        Service service = null;
        if (form.serviceId() != null) {
            service = subjects.service(form.serviceId()).orElse(null);
            if (service == null) {
                errors.add(new FieldError("about.serviceId", "Choose a service from the list."));
            }
        }
        ServiceRequest request = null;
        if (form.requestReference() != null) {
            Optional<Reference> reference = Reference.parse(form.requestReference());
            request = reference.flatMap(subjects::request).orElse(null);
            if (request == null) {
                errors.add(new FieldError("about.requestReference", reference.isEmpty()
                        ? "A request reference is 8 letters and numbers, like K7MP-3QXR."
                        : "We could not find a request with the reference " + reference.get().display() + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (service == null && request != null) {
            service = subjects.service(request.serviceId()).orElse(null);
        }
        String unitId = unit != null ? unit.id() : service != null ? service.unitId() : request != null ? request.unitId() : null;
        String serviceId = service != null ? service.id() : request != null ? request.serviceId() : null;
        String theme = service != null ? service.theme() : form.bookingReference() != null ? "Facilities booking" : "General";
        Complaint.About about = new Complaint.About(form.unitId(), form.serviceId(),
                request == null ? null : request.reference().value(), form.bookingReference(), form.officerName());
        return new Resolved(form, about, unitId, serviceId, theme);
    }
}

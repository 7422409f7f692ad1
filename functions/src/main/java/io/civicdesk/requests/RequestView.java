package io.civicdesk.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.civicdesk.sla.ServiceLevel;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A request as the staff page shows it: everything needed to handle it (docs/staff-api.md). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RequestView(String reference, String displayReference, long version, Named service, Named unit,
                          String status, String statusLabel, boolean paused, @JsonProperty("final") boolean isFinal,
                          String priority, Actor assignee, String channel, boolean resolvedAtFirstContact,
                          Actor loggedBy, Instant submittedAt, String timeZone, Sla sla, Resident resident,
                          String contactInstruction, LocationView location, String description,
                          List<AnswerView> answers, String resolution, String duplicateOf, List<String> duplicates,
                          List<NextStatus> allowedNextStatuses, List<String> allowedActions, boolean canAct,
                          List<UpdateView> publicUpdates, List<HistoryView> history, List<ReferralView> referrals) {

    /** How soon "due soon" is. */
    public static final Duration DUE_SOON = Duration.ofHours(24);

    public record Named(String id, String name) {
    }

    /** A status the request may move to now. */
    public record NextStatus(String status, String label, boolean pausesClock, @JsonProperty("final") boolean isFinal) {
        static NextStatus of(WorkflowStatus status) {
            return new NextStatus(status.id(), status.label(), status.pausesClock(), status.isFinal());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sla(LocalDate responseDue, LocalDate resolutionDue, Instant acknowledgedAt, Instant resolvedAt,
                      Instant closedAt, Due due, boolean overdue, boolean dueSoon, Measured measured) {
    }

    /**
     * The request's service level as its clock measures it: the policy applied (as it was then), the due times,
     * the business minutes each target took and whether it was met (null until known), and the queue's flag
     * once someone has been warned ({@code at-risk}, {@code breached}, {@code news-due}).
     */
    public record Measured(String policyId, String calendarId, long firstResponseTargetMinutes,
                           long resolutionTargetMinutes, Long keepInformedMinutes, Instant responseDueAt,
                           Instant resolutionDueAt, Double responseMinutes, Boolean responseMet,
                           Double resolutionMinutes, Boolean resolutionMet, String warning) {
        static Measured of(ServiceLevel level) {
            ServiceLevelPolicy policy = level.policy();
            return new Measured(policy.id(), level.calendarId(), policy.firstResponse().toMinutes(),
                    policy.resolution().toMinutes(), policy.keepInformed() == null ? null : policy.keepInformed().toMinutes(),
                    level.responseDueAt(), level.resolutionDueAt(), level.responseMinutes(), level.responseMet(),
                    level.resolutionMinutes(), level.resolutionMet(), level.flag());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Resident(String name, String email, String phone, PreferredChannel preferredChannel) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LocationView(String address, Double latitude, Double longitude, String mapLink) {
    }

    public record AnswerView(String questionId, String question, String answer) {
    }

    public record UpdateView(Instant at, String status, String statusLabel, String message) {
    }

    /** Before and after keep their nulls: "no assignee" is a value. */
    @JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
    public record HistoryView(Instant at, Actor by, String action, String visibility,
                              @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, String> before,
                              @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, String> after,
                              String publicMessage, String note, String delivery, String residentMessage) {
    }

    /**
     * A referral to another unit, oldest first; {@code overdue} while it waits past its due time, and
     * {@code answeredInTime} once answered.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReferralView(Instant referredAt, Named from, Named to, String reason, Actor by, long targetMinutes,
                               Instant dueAt, boolean overdue, String status, Actor answeredBy, Instant answeredAt,
                               String returnReason, Boolean answeredInTime) {
        static ReferralView of(Referral referral, Instant now) {
            return new ReferralView(referral.referredAt(), new Named(referral.fromUnitId(), referral.fromUnitName()),
                    new Named(referral.toUnitId(), referral.toUnitName()), referral.reason(), referral.by(),
                    referral.targetMinutes(), referral.dueAt(),
                    referral.status() == Referral.Status.PENDING && referral.dueAt().isBefore(now),
                    referral.status().wireName(), referral.answeredBy(), referral.answeredAt(), referral.returnReason(),
                    referral.answeredInTime());
        }
    }

    /**
     * @param canAct          the caller's unit has the request (or they are a supervisor or administrator)
     * @param referralActions the referral actions the caller may take now: refer, or accept and send back
     */
    public static RequestView of(RequestRecord record, Workflow workflow, String unitName,
                                 boolean canAct, List<StaffAction.Kind> referralActions, Instant now) {
        ServiceRequest request = record.request();
        Contact contact = request.contact();
        Due due = Due.of(request);
        boolean paused = request.handling().paused();
        boolean overdue = due != null && !paused && due.at().isBefore(now);
        boolean dueSoon = due != null && !paused && !overdue && due.at().isBefore(now.plus(DUE_SOON));
        return new RequestView(request.reference().value(), request.reference().display(), request.version(),
                new Named(request.serviceId(), request.serviceName()), new Named(request.unitId(), unitName),
                request.status(), workflow.label(request.status()), paused, request.handling().finishedAt() != null,
                request.handling().priority().wireName(), request.handling().assignee(), request.channel(),
                request.handling().resolvedAtFirstContact(), request.handling().loggedBy(), request.submittedAt(),
                request.timeZone(),
                new Sla(request.expected().response(), request.expected().resolution(), request.handling().acknowledgedAt(),
                        request.handling().resolvedAt(), request.handling().closedAt(), due, overdue, dueSoon,
                        Measured.of(request.serviceLevel())),
                new Resident(contact.name(), contact.email(), contact.phone(), request.preferredChannel()),
                contactInstruction(request), location(request.location()), request.description(),
                request.answers().stream().map(answer -> new AnswerView(answer.questionId(), answer.question(), answer.text())).toList(),
                request.handling().resolution(),
                request.handling().duplicateOf() == null ? null : request.handling().duplicateOf().value(),
                request.handling().followers().stream().map(Follower::reference).filter(java.util.Objects::nonNull)
                        .map(Reference::value).toList(),
                canAct ? NextSteps.statuses(request, workflow).stream().map(NextStatus::of).toList() : List.of(),
                java.util.stream.Stream.concat(canAct ? NextSteps.actions(request, workflow).stream() : java.util.stream.Stream.empty(),
                        referralActions.stream()).map(StaffAction.Kind::wireName).toList(),
                canAct,
                record.updates().stream().sorted(Comparator.comparing(PublicUpdate::at))
                        .map(update -> new UpdateView(update.at(), update.status(), workflow.label(update.status()), update.message()))
                        .toList(),
                record.history().stream()
                        .sorted(Comparator.comparingLong(HistoryEntry::version).thenComparingInt(HistoryEntry::sequence))
                        .map(entry -> new HistoryView(entry.at(), entry.by(), entry.action(), entry.visibility().wireName(),
                                entry.before(), entry.after(), entry.publicMessage(), entry.note(), entry.delivery(),
                                entry.residentMessage()))
                        .toList(),
                record.referrals().stream().map(referral -> ReferralView.of(referral, now)).toList());
    }

    /**
     * What the officer must do themselves when the resident asked for a channel CivicDesk cannot send on: a call, or
     * texts to a number that cannot take them (kept before numbers were checked for texts). Texts to a mobile go
     * by themselves.
     */
    static String contactInstruction(ServiceRequest request) {
        String phone = request.contact().phone();
        return switch (request.preferredChannel()) {
            case SMS -> ResidentTexts.wanted(request) ? null : "The resident asked for text messages, but " + phone
                    + " cannot take them: contact them another way with each public update.";
            case PHONE -> "The resident asked for a phone call: call " + phone + " with each public update.";
            default -> null;
        };
    }

    static LocationView location(Location location) {
        String mapLink;
        if (location.latitude() != null && location.longitude() != null) {
            String lat = Double.toString(location.latitude());
            String lon = Double.toString(location.longitude());
            mapLink = "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=18/" + lat + "/" + lon;
        } else if (location.address() != null) {
            mapLink = "https://www.openstreetmap.org/search?query=" + URLEncoder.encode(location.address(), StandardCharsets.UTF_8);
        } else {
            mapLink = null;
        }
        return new LocationView(location.address(), location.latitude(), location.longitude(), mapLink);
    }
}

package io.civicdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's service level: the policy applied when it arrived (a copy, so a later change to the policy does not
 * rewrite its history), the calendar its time is counted on, its clock, what came of each target, and the
 * warnings already sent. Immutable; each change gives a new one with its due times worked out again, so whoever
 * reads a stored request needs no calendar to know what is due when.
 *
 * @param respondedAt     the first response: acknowledgement or the first public update
 * @param responseTaken   business time to the first response; null until then
 * @param resolutionTaken business time to resolution (or closure); null while open
 * @param lastNewsAt      when the resident last heard from us, for keep-informed reminders
 * @param warned          the alerts already sent ({@link Alert#key()}): none is sent twice
 * @param responseDueAt   when the first response is (or was) due; while paused, projected from the pause
 * @param resolutionDueAt when resolution is (or was) due; while paused, projected from the pause
 * @param nextAlertAt     the earliest alert not yet sent; null when none can fall due (paused, finished)
 */
public record ServiceLevel(ServiceLevelPolicy policy, String calendarId, ServiceClock clock, Instant respondedAt,
                           Duration responseTaken, Duration resolutionTaken, Instant lastNewsAt, Set<String> warned,
                           Instant responseDueAt, Instant resolutionDueAt, Instant nextAlertAt) {

    public ServiceLevel {
        warned = Set.copyOf(warned);
    }

    /** Where the request's handling stands after a change, as far as its clock is concerned. */
    public record Progress(boolean responded, boolean paused, boolean finished, boolean news) {
    }

    /** A request just arrived: its clock runs from now (time out of hours counts for nothing). */
    public static ServiceLevel started(ServiceLevelPolicy policy, BusinessCalendar calendar, Instant at) {
        return new ServiceLevel(policy, calendar.id(), ServiceClock.startedAt(at), null, null, null, at, Set.of(),
                null, null, null).settled(calendar, at);
    }

    /**
     * After a change: the first response is recorded once; entering a pausing status pauses the clock and leaving
     * it resumes it; finishing stops it and records the business time taken; a reopen resumes it; a public update
     * is news.
     */
    public ServiceLevel moved(BusinessCalendar calendar, Instant at, Progress progress) {
        ServiceClock changed = progress.finished() || progress.paused() ? clock.stoppedAt(at) : clock.resumedAt(at);
        Instant responded = respondedAt;
        Duration toResponse = responseTaken;
        if (respondedAt == null && (progress.responded() || progress.finished())) {
            responded = at;
            toResponse = clock.taken(calendar, at);
        }
        Duration toResolution = progress.finished() ? (resolutionTaken != null ? resolutionTaken : changed.taken(calendar, at)) : null;
        return new ServiceLevel(policy, calendarId, changed, responded, toResponse, toResolution,
                progress.news() ? at : lastNewsAt, warned, null, null, null).settled(calendar, at);
    }

    /** The same clock under another policy, e.g. after the priority changed. */
    public ServiceLevel underPolicy(ServiceLevelPolicy changed, BusinessCalendar calendar, Instant at) {
        return new ServiceLevel(changed, calendarId, clock, respondedAt, responseTaken, resolutionTaken, lastNewsAt, warned,
                null, null, null).settled(calendar, at);
    }

    /** The same, with these alerts sent. */
    public ServiceLevel warnedOf(Collection<Alert> sent, BusinessCalendar calendar, Instant at) {
        Set<String> keys = new TreeSet<>(warned);
        sent.forEach(alert -> keys.add(alert.key()));
        return new ServiceLevel(policy, calendarId, clock, respondedAt, responseTaken, resolutionTaken, lastNewsAt, keys,
                null, null, null).settled(calendar, at);
    }

    private ServiceLevel settled(BusinessCalendar calendar, Instant at) {
        Instant responseDue = clock.projectedDueAt(calendar, policy.firstResponse(), at);
        if (respondedAt != null) {
            // Once answered, the due time stays what it was when the response came.
            responseDue = responseDueAt != null ? responseDueAt : responseDue;
        }
        Instant resolutionDue = resolutionTaken != null && resolutionDueAt != null ? resolutionDueAt
                : clock.projectedDueAt(calendar, policy.resolution(), at);
        ServiceLevel worked = new ServiceLevel(policy, calendarId, clock, respondedAt, responseTaken, resolutionTaken,
                lastNewsAt, warned, responseDue, resolutionDue, null);
        Instant next = worked.pending(calendar).stream().map(Alert::at).min(Comparator.naturalOrder()).orElse(null);
        return new ServiceLevel(policy, calendarId, clock, respondedAt, responseTaken, resolutionTaken, lastNewsAt, warned,
                responseDue, resolutionDue, next);
    }

    /** Business minutes the first response took; null until it came. */
    public Double responseMinutes() {
        return minutes(responseTaken);
    }

    /** Business minutes resolution took; null while open. */
    public Double resolutionMinutes() {
        return minutes(resolutionTaken);
    }

    private static Double minutes(Duration taken) {
        return taken == null ? null : taken.toSeconds() / 60.0;
    }

    public Boolean responseMet() {
        return responseTaken == null ? null : responseTaken.compareTo(policy.firstResponse()) <= 0;
    }

    public Boolean resolutionMet() {
        return resolutionTaken == null ? null : resolutionTaken.compareTo(policy.resolution()) <= 0;
    }

    /** Alerts not yet sent, each with when it falls due; none while the clock is paused or stopped. */
    public List<Alert> pending(BusinessCalendar calendar) {
        List<Alert> alerts = new ArrayList<>();
        if (!clock.running()) {
            return alerts;
        }
        if (respondedAt == null) {
            targetAlerts(calendar, Alert.Target.RESPONSE, policy.firstResponse(), alerts);
        }
        if (resolutionTaken == null) {
            targetAlerts(calendar, Alert.Target.RESOLUTION, policy.resolution(), alerts);
        }
        if (policy.keepInformed() != null) {
            // Before the interval runs out: at the first warning point of it, so the officer can still give news in time.
            int percent = policy.warningPercents().isEmpty() ? 75 : policy.warningPercents().get(0);
            Instant at = calendar.addBusinessTime(lastNewsAt, policy.warningPoint(policy.keepInformed(), percent));
            alerts.add(new Alert("news-" + lastNewsAt.getEpochSecond(), Alert.Kind.NEWS, null, at));
        }
        alerts.removeIf(alert -> warned.contains(alert.key()));
        return alerts;
    }

    private void targetAlerts(BusinessCalendar calendar, Alert.Target target, Duration goal, List<Alert> alerts) {
        String name = target.name().toLowerCase(java.util.Locale.ROOT);
        for (int percent : policy.warningPercents()) {
            clock.dueAt(calendar, policy.warningPoint(goal, percent)).ifPresent(at ->
                    alerts.add(new Alert(name + "-" + percent, Alert.Kind.WARNING, target, at)));
        }
        clock.dueAt(calendar, goal).ifPresent(at -> alerts.add(new Alert(name + "-breach", Alert.Kind.BREACH, target, at)));
    }

    /** The alerts due by {@code now} and not yet sent. */
    public List<Alert> due(BusinessCalendar calendar, Instant now) {
        return pending(calendar).stream().filter(alert -> !alert.at().isAfter(now)).toList();
    }

    /**
     * What the queue shows beside the request once someone has been warned: {@code breached} while a breached
     * target is still outstanding, {@code at-risk} while a warned target is, {@code news-due} while a reminder to
     * give news stands; null otherwise.
     */
    public String flag() {
        boolean responseOpen = respondedAt == null;
        boolean resolutionOpen = resolutionTaken == null;
        if (responseOpen && warned.contains("response-breach") || resolutionOpen && warned.contains("resolution-breach")) {
            return "breached";
        }
        boolean warnedOfOpenTarget = warned.stream().anyMatch(key ->
                responseOpen && key.startsWith("response-") || resolutionOpen && key.startsWith("resolution-"));
        if (warnedOfOpenTarget) {
            return "at-risk";
        }
        return resolutionOpen && warned.contains("news-" + lastNewsAt.getEpochSecond()) ? "news-due" : null;
    }
}

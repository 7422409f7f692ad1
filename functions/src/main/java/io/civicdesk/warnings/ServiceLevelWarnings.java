package io.civicdesk.warnings;

import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Council;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Cached;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Metrics;
import io.civicdesk.requests.HistoryEntry;
import io.civicdesk.requests.Reference;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.AlertStore;
import io.civicdesk.requests.Requests;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.sla.Alert;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevel;
import io.civicdesk.sla.ServiceLevels;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The warnings run, every few minutes: each request with an alert due (from the Alerts index, never a Scan) has
 * its due alerts sent — a warning or a keep-informed reminder to the officer it is assigned to, a missed target to
 * that officer and the unit's supervisors, its own and those across units (to the supervisors alone while nobody
 * has it) — with the alerts recorded on the request, a history entry and the mail in one transaction, so each
 * is sent once.
 */
public final class ServiceLevelWarnings {
    private final Requests requests;
    private final AlertStore alerts;
    private final OutboxStore outbox;
    private final Transactions transactions;
    private final StaffDirectory staff;
    private final ServiceLevels levels;
    private final Cached<Council> council;
    private final Clock clock;
    private final String portalUrl;
    private final Metrics metrics;

    public ServiceLevelWarnings(Requests requests, AlertStore alerts, OutboxStore outbox, Transactions transactions,
                                StaffDirectory staff, CatalogStore catalog, Clock clock, String portalUrl, Metrics metrics) {
        this.requests = requests;
        this.alerts = alerts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.staff = staff;
        this.council = new Cached<>(catalog::council, Duration.ofMinutes(5), clock);
        this.levels = new ServiceLevels(catalog::policies, catalog::calendar, () -> council.get().calendarId(), clock);
        this.clock = clock;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.metrics = metrics;
    }

    /** What one run did, for its log line and for whoever ran it by hand. */
    public record Run(int requests, int alerts, int mails, int changedMeanwhile) {
    }

    public Run run() {
        Instant now = clock.instant();
        int alerts = 0;
        int mails = 0;
        int changed = 0;
        List<Reference> due = this.alerts.alertsDue(now);
        // One read of the directory per unit in a run, however many of its requests are due.
        Map<String, List<StaffMember>> supervisors = new HashMap<>();
        Map<String, Integer> missedByUnit = new LinkedHashMap<>();
        for (Reference reference : due) {
            ServiceRequest request = requests.get(reference).orElse(null);
            if (request == null) {
                continue;
            }
            ServiceLevel level = request.serviceLevel();
            BusinessCalendar calendar = levels.calendar(level);
            List<Alert> sent = level.due(calendar, now);
            List<Mail> toSend = sent.isEmpty() ? List.of() : mails(request, sent, supervisors);
            HistoryEntry entry = sent.isEmpty() ? null : entry(request, sent, toSend, now);
            if (recorded(request, level.warnedOf(sent, calendar, now), sent, entry, toSend, now)) {
                alerts += sent.size();
                mails += toSend.size();
                int missed = (int) sent.stream().filter(alert -> alert.kind() == Alert.Kind.BREACH).count();
                if (missed > 0) {
                    missedByUnit.merge(request.unitId(), missed, Integer::sum);
                }
            } else {
                changed++;
            }
        }
        missedByUnit.forEach((unitId, missed) -> metrics.count(Metrics.Metric.TARGETS_MISSED, unitId, missed));
        Run run = new Run(due.size(), alerts, mails, changed);
        Log.info("sla.warnings", Map.of("requests", run.requests(), "alerts", run.alerts(), "mails", run.mails(),
                "changedMeanwhile", run.changedMeanwhile()));
        return run;
    }

    /** The alerts, their history entry and mail in one transaction; false when the request changed meanwhile. */
    private boolean recorded(ServiceRequest request, ServiceLevel after, List<Alert> sent, HistoryEntry entry,
                             List<Mail> toSend, Instant now) {
        List<Write> writes = new ArrayList<>(this.alerts.alertsRecorded(request, after,
                sent.stream().map(Alert::key).toList(), entry));
        toSend.forEach(mail -> writes.add(outbox.pending("mail", mail, now)));
        try {
            transactions.commit(writes);
            return true;
        } catch (Refused refused) {
            return false;
        }
    }

    /** One mail per person, naming every alert that is theirs. */
    private List<Mail> mails(ServiceRequest request, List<Alert> alerts, Map<String, List<StaffMember>> supervisors) {
        Map<String, List<Alert>> byEmail = new LinkedHashMap<>();
        // An officer who has left is told nothing; the supervisors hear of every alert instead.
        StaffMember assignee = request.handling().assignee() == null ? null
                : staff.member(request.handling().assignee().id()).filter(StaffMember::enabled).orElse(null);
        for (Alert alert : alerts) {
            Set<StaffMember> told = new LinkedHashSet<>();
            if (assignee != null) {
                told.add(assignee);
            }
            if (assignee == null || alert.kind() == Alert.Kind.BREACH) {
                told.addAll(supervisors.computeIfAbsent(request.unitId(), staff::supervisorsOf));
            }
            told.stream().filter(member -> member.email() != null)
                    .forEach(member -> byEmail.computeIfAbsent(member.email(), email -> new ArrayList<>()).add(alert));
        }
        String link = portalUrl + "/staff/request.html?ref=" + request.reference().value();
        List<Mail> mails = new ArrayList<>();
        byEmail.forEach((email, theirs) -> mails.add(WarningMail.compose(UUID.randomUUID().toString(), email,
                council.get().name(), request, theirs, link)));
        return mails;
    }

    /**
     * An internal history entry at the request's current version; its sequence counts past the staff entries of
     * that version (which start at 0) by the alerts recorded so far, so it never takes another entry's place.
     */
    private static HistoryEntry entry(ServiceRequest request, List<Alert> sent, List<Mail> mails, Instant now) {
        int sequence = 100 + request.serviceLevel().warned().size();
        Map<String, String> after = new LinkedHashMap<>();
        after.put("alerts", sent.stream().map(Alert::key).collect(Collectors.joining(", ")));
        after.put("mailedTo", String.valueOf(mails.size()));
        return new HistoryEntry(request.version(), sequence, now, null, "service-level-alert", null, after, null,
                null, HistoryEntry.Visibility.INTERNAL, null);
    }
}

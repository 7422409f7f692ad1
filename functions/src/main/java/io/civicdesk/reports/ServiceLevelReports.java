package io.civicdesk.reports;

import io.civicdesk.figures.UnitService;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.ReferralFiguresStore;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.Transactions;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The scheduled roll-up: for a kind of period, the last complete one before today (in the council's time zone),
 * its figures and the previous period's, stored once as the period's report, and mailed — each account manager
 * the part about their units, each administrator the summary across all units — with the figures as a CSV
 * attachment. Each mail is written to the outbox in the same transaction as the mark that it was sent, so a run
 * repeated (a retry, a "run now") sends nothing twice unless a resend is asked for.
 */
public final class ServiceLevelReports {
    static final String UNITS = "UNITS#";
    static final String EXECUTIVE = "EXECUTIVE#";
    /** The report's name for the smiley taps on a unit's front-counter tablet. */
    static final String COUNTER_NAME = "Front counter (smiley tablet)";

    private final Transactions transactions;
    private final Catalog catalog;
    private final Accounts accounts;
    private final Directory staff;
    private final FiguresStore figures;
    private final SatisfactionFiguresStore surveys;
    private final Backlogs backlogs;
    private final ReportStore reports;
    private final OutboxStore outbox;
    private final Clock clock;
    private final Metrics metrics;

    public ServiceLevelReports(Transactions transactions, Catalog catalog, Accounts accounts, Directory staff,
                               FiguresStore figures, SatisfactionFiguresStore surveys, Backlogs backlogs,
                               ReportStore reports, OutboxStore outbox, Clock clock, Metrics metrics) {
        this.transactions = transactions;
        this.catalog = catalog;
        this.accounts = accounts;
        this.staff = staff;
        this.figures = figures;
        this.surveys = surveys;
        this.backlogs = backlogs;
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * What a run did: the period, whether this run stored its report, how many mails it wrote, and the DynamoDB
     * items it read for the figures (day items, and the open requests when it measured the backlog).
     */
    public record Outcome(String periodKey, String first, String last, boolean stored, int mailed, int alreadyMailed,
                          int itemsRead) {
    }

    public Outcome run(ReportPeriod.Kind kind, boolean resend) {
        CatalogStore.Catalogue catalogue = catalog.catalogue();
        ZoneId zone = ZoneId.of(catalogue.council().timeZone());
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        ReportPeriod period = ReportPeriod.lastCompleteBefore(kind, today);
        ReportPeriod previous = period.previous();

        List<String> unitIds = new ArrayList<>(catalogue.units().keySet());
        FiguresStore.PeriodFigures current = figures.periodFigures(unitIds, period.first(), period.last());
        FiguresStore.PeriodFigures before = figures.periodFigures(unitIds, previous.first(), previous.last());
        BusinessCalendar calendar = catalog.calendar(catalogue.council().calendarId()).orElseThrow(
                () -> new IllegalStateException("The council's calendar " + catalogue.council().calendarId() + " is missing"));
        Backlogs.Reading backlog = backlogs.forPeriod(period.key(), unitIds, calendar, now);
        ReferralFiguresStore.Period referrals = figures.referrals().period(period.first(), period.last());
        Map<String, String> serviceNames = catalogue.services().stream()
                .collect(Collectors.toMap(Service::id, Service::name, (a, b) -> a, LinkedHashMap::new));
        serviceNames.put(SatisfactionFiguresStore.COUNTER_SERVICE, COUNTER_NAME);
        ServiceLevelReport.Names names = new ServiceLevelReport.Names(
                catalogue.units().values().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a, LinkedHashMap::new)),
                serviceNames);
        ServiceLevelReport report = ServiceLevelReport.build(period, catalogue.council().name(), names,
                withSurveys(current.figures(), unitIds, period), withSurveys(before.figures(), unitIds, previous),
                backlog.backlog(), referrals.pairs());
        int itemsRead = current.itemsRead() + before.itemsRead() + backlog.itemsRead() + referrals.itemsRead();

        String csv = ReportCsv.write(report);
        ReportStore.StoredReport made = new ReportStore.StoredReport(period.key(), period, csv, ReportSummaryView.write(report), now);
        ReportStore.StoredReport stored = reports.storeOnce(made);
        boolean storedNow = stored == made;
        if (!storedNow && !stored.csv().equals(csv)) {
            // The day figures of a closed period changed since (a backfill); the stored report stays as it was mailed.
            Log.info("report-figures-changed", Map.of("period", period.key()));
        }

        ReportStore.PeriodRecord record = reports.period(period.key());
        int mailed = 0;
        int already = 0;
        for (AccountStore.Account account : accounts.all()) {
            if (!account.kinds().contains(kind)) {
                continue;
            }
            Optional<StaffMember> manager = staff.member(account.staffId()).filter(StaffMember::enabled);
            if (manager.isEmpty() || manager.get().email() == null) {
                continue;
            }
            ServiceLevelReport part = report.forUnits(new LinkedHashSet<>(account.unitIds()));
            if (send(period, UNITS + account.staffId(), manager.get().email(), part, record, resend, now)) {
                mailed++;
            } else {
                already++;
            }
        }
        for (StaffMember admin : staff.inUnit(null)) {
            if (!admin.roles().contains(Role.ADMIN) || admin.email() == null) {
                continue;
            }
            if (send(period, EXECUTIVE + admin.id(), admin.email(), report, record, resend, now)) {
                mailed++;
            } else {
                already++;
            }
        }
        Log.info("service-level-report", Map.of("period", period.key(), "stored", storedNow, "mailed", mailed,
                "alreadyMailed", already, "itemsRead", itemsRead));
        metrics.count(Metrics.Metric.REPORT_RUNS, kind.name().toLowerCase(java.util.Locale.ROOT));
        return new Outcome(period.key(), period.first().toString(), period.last().toString(), storedNow, mailed, already,
                itemsRead);
    }

    /**
     * Adds each unit's survey answers over the period (as the feedback capability keeps them per service and day)
     * to the figures: a service answered about but with no requests in the period gets a line of its own, and
     * the front counter's smiley taps are a line of the unit's.
     */
    private Map<UnitService, Figures> withSurveys(Map<UnitService, Figures> figures,
                                                             List<String> unitIds, ReportPeriod period) {
        for (String unitId : unitIds) {
            surveys.figures(unitId, period.first(), period.last()).forEach((serviceId, answers) -> answers.addTo(
                    figures.computeIfAbsent(new UnitService(unitId, serviceId), key -> new Figures())));
        }
        return figures;
    }

    /** Writes the mail and its mark together; false when the recipient has had it (and no resend was asked). */
    private boolean send(ReportPeriod period, String recipient, String to, ServiceLevelReport report,
                         ReportStore.PeriodRecord record, boolean resend, Instant now) {
        if (!resend && record.mailedTo().contains(recipient)) {
            return false;
        }
        String mailId = "report-" + period.key() + "-" + recipient.replace('#', '-') + (resend ? "-" + UUID.randomUUID() : "");
        Mail mail = new Mail(mailId, to, ReportMail.subject(report), ReportMail.text(report), ReportMail.html(report),
                "service-level-report", period.key(), List.of(new Mail.Attachment(fileName(report),
                "text/csv; charset=utf-8", ReportCsv.write(report).getBytes(StandardCharsets.UTF_8))));
        try {
            transactions.commit(List.of(outbox.pending("mail", mail, now),
                    reports.mailed(period.key(), recipient, mailId, now, resend)));
            return true;
        } catch (Refused refused) {
            return false;
        }
    }

    static String fileName(ServiceLevelReport report) {
        return fileName(report.period());
    }

    /** The CSV's name, the same in the mail and on the dashboard. */
    static String fileName(ReportPeriod period) {
        return "service-levels-" + period.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + period.first() + ".csv";
    }
}

package io.civicdesk.agencyreports;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.catalog.Service;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.figures.UnitService;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.reports.ReportPeriod;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each agency's report for the last complete period of a kind, for the agencies whose agreement in force at the
 * period's end is reported that often: read from the agencies' day figures (at most agencies × services × days
 * items, however many requests) and open counters, stored once per agency and period, and mailed — in the same
 * transaction — to its contacts still taking it and to its account manager, each with the agency's CSV.
 */
public final class AgencyReports {
    private final AgencyStore agencies;
    private final FiguresStore figures;
    private final AgencyReportStore reports;
    private final Catalog catalog;
    private final Directory directory;
    private final OutboxStore outbox;
    private final Transactions transactions;
    private final Clock clock;
    private final String portalUrl;

    public AgencyReports(AgencyStore agencies, FiguresStore figures, AgencyReportStore reports, Catalog catalog,
                         Directory directory, OutboxStore outbox, Transactions transactions, Clock clock, String portalUrl) {
        this.agencies = agencies;
        this.figures = figures;
        this.reports = reports;
        this.catalog = catalog;
        this.directory = directory;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    /** A run: the period, the agencies due, how many reports were stored now (the rest had been), mails written, items read. */
    public record Outcome(String kind, String first, String last, int agencies, int stored, int mailed, int itemsRead) {
    }

    public Outcome run(ReportPeriod.Kind kind) {
        Instant now = clock.instant();
        ZoneId zone = ZoneId.of(catalog.council().timeZone());
        ReportPeriod period = ReportPeriod.lastCompleteBefore(kind, now.atZone(zone).toLocalDate());
        ReportPeriod previous = period.previous();
        AgencyStore.Book book = agencies.all();
        int itemsRead = book.agencies().size() + book.agreements().values().stream().mapToInt(List::size).sum();
        List<Agency> due = new ArrayList<>();
        for (Agency agency : book.agencies()) {
            Optional<Agreement> agreement = Agreement.inForce(book.versions(agency.id()), period.last());
            if (agreement.isPresent() && agreement.get().frequency().name().equals(kind.name())) {
                due.add(agency);
            }
        }
        List<String> ids = due.stream().map(Agency::id).toList();
        FiguresStore.PeriodFigures current = figures.agencyPeriodFigures(ids, period.first(), period.last());
        FiguresStore.PeriodFigures before = figures.agencyPeriodFigures(ids, previous.first(), previous.last());
        itemsRead += current.itemsRead() + before.itemsRead();
        Map<String, String> serviceNames = catalog.catalogue().services().stream()
                .collect(Collectors.toMap(Service::id, Service::name, (a, b) -> a));
        int stored = 0;
        int mailed = 0;
        for (Agency agency : due) {
            Agreement agreement = Agreement.inForce(book.versions(agency.id()), period.last()).orElseThrow();
            Map<String, Long> open = figures.agencyOpen(agency.id());
            itemsRead += open.size();
            AgencyReport report = report(agency, agreement, period, current.figures(), before.figures(), open, serviceNames);
            String csv = AgencyReportCsv.write(report);
            List<Write> writes = new ArrayList<>();
            writes.add(reports.storedOnce(report, csv, now));
            List<Mail> mails = mails(agency, report, csv);
            mails.forEach(mail -> writes.add(outbox.pending("mail-" + writes.size(), mail, now)));
            try {
                transactions.commit(writes);
                stored++;
                mailed += mails.size();
            } catch (Refused storedBefore) {
                // This period's report for the agency was stored, and mailed, by an earlier run.
            }
        }
        Log.info("agency-report", Map.of("period", period.key(), "agencies", due.size(), "stored", stored,
                "mailed", mailed, "itemsRead", itemsRead));
        return new Outcome(kind.name().toLowerCase(Locale.ROOT), period.first().toString(), period.last().toString(),
                due.size(), stored, mailed, itemsRead);
    }

    /** The agency's lines: each service its agreement covers, then any other its requests were of, by name. */
    static AgencyReport report(Agency agency, Agreement agreement, ReportPeriod period, Map<UnitService, Figures> current,
                               Map<UnitService, Figures> before, Map<String, Long> open, Map<String, String> serviceNames) {
        Set<String> serviceIds = new LinkedHashSet<>(agreement.serviceIds());
        current.keySet().stream().filter(key -> key.unitId().equals(agency.id())).map(UnitService::serviceId).sorted()
                .forEach(serviceIds::add);
        open.forEach((serviceId, n) -> {
            if (n > 0) {
                serviceIds.add(serviceId);
            }
        });
        List<AgencyReport.Line> lines = serviceIds.stream().map(serviceId -> new AgencyReport.Line(serviceId,
                serviceNames.getOrDefault(serviceId, serviceId),
                current.getOrDefault(new UnitService(agency.id(), serviceId), new Figures()),
                before.getOrDefault(new UnitService(agency.id(), serviceId), new Figures()),
                Math.max(0, open.getOrDefault(serviceId, 0L)))).toList();
        return new AgencyReport(agency.id(), agency.name(), period, agreement.version(), agreement.priceCents(), lines);
    }

    /** One mail per contact still taking the reports (each with their own unsubscribe link), and one to the account manager. */
    private List<Mail> mails(Agency agency, AgencyReport report, String csv) {
        List<Mail> mails = new ArrayList<>();
        List<Mail.Attachment> attached = List.of(new Mail.Attachment(fileName(report), "text/csv; charset=utf-8",
                csv.getBytes(StandardCharsets.UTF_8)));
        String base = "agency-report-" + agency.id() + "-" + report.period().key();
        for (int i = 0; i < agency.mailed().size(); i++) {
            Agency.Contact contact = agency.mailed().get(i);
            String link = agency.unsubscribeLink(portalUrl, contact);
            mails.add(new Mail(base + "-contact-" + i, contact.email(), AgencyReportMail.subject(report),
                    AgencyReportMail.text(report, link), AgencyReportMail.html(report, link), "agency-report",
                    report.period().key(), attached));
        }
        directory.member(agency.accountManagerId()).filter(StaffMember::enabled).filter(m -> m.email() != null)
                .ifPresent(manager -> mails.add(new Mail(base + "-manager", manager.email(), AgencyReportMail.subject(report),
                        AgencyReportMail.text(report, null), AgencyReportMail.html(report, null), "agency-report",
                        report.period().key(), attached)));
        return mails;
    }

    static String fileName(AgencyReport report) {
        return fileName(report.agencyId(), report.period());
    }

    static String fileName(String agencyId, ReportPeriod period) {
        return "agency-" + agencyId + "-" + period.kind().name().toLowerCase(Locale.ROOT) + "-" + period.first() + ".csv";
    }
}

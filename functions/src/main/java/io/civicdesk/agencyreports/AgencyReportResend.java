package io.civicdesk.agencyreports;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyAdmin;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.Write;
import io.civicdesk.reports.ReportPeriod;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An agency's stored reports, listed on its page, and one of them sent again — by an administrator or the agency's
 * account manager — to its contacts still taking reports and to its account manager, through the outbox. The same
 * Idempotency-Key sends it once (a phone's retry, a double click); a new key is a new, deliberate resend.
 */
public final class AgencyReportResend {
    /** How many of an agency's reports its page lists, newest first: three years of quarters. */
    static final int LISTED = 12;

    private final AgencyStore agencies;
    private final AgencyReportStore reports;
    private final Directory directory;
    private final OutboxStore outbox;
    private final IdempotentCommand command;
    private final Catalog catalog;
    private final String portalUrl;

    public AgencyReportResend(AgencyStore agencies, AgencyReportStore reports, Directory directory, OutboxStore outbox,
                              IdempotentCommand command, Catalog catalog, String portalUrl) {
        this.agencies = agencies;
        this.reports = reports;
        this.directory = directory;
        this.outbox = outbox;
        this.command = command;
        this.catalog = catalog;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
    }

    public List<AgencyReportStore.Stored> stored(StaffCaller caller, String agencyId) {
        return reports.latest(visible(caller, agencyId).id(), LISTED);
    }

    public Idempotency.Answer resend(StaffCaller caller, String agencyId, String periodKey, Optional<Idempotency.Key> key) {
        Agency agency = visible(caller, agencyId);
        AgencyReportStore.Stored report = period(periodKey).flatMap(period -> reports.stored(agency.id(), period))
                .orElseThrow(() -> Refusal.notFound("There is no stored report " + periodKey + " for " + agency.name() + "."));
        // The mails' ids come from the key, so even a retry that outlived its idempotency record queues nothing twice.
        String resend = key.map(k -> k.keyHash().substring(0, 16)).orElseGet(() -> UUID.randomUUID().toString());
        List<Mail> mails = mails(agency, report, "agency-report-" + agency.id() + "-" + report.period().key() + "-resend-" + resend);
        if (mails.isEmpty()) {
            throw Refusal.conflict("Nobody takes " + agency.name() + "'s reports any more: every contact unsubscribed and "
                    + "its account manager has no address. Add a contact first.");
        }
        try {
            return command.run(key, now -> {
                List<Write> writes = new ArrayList<>();
                mails.forEach(mail -> writes.add(outbox.pending("mail-" + writes.size(), mail, now)));
                return IdempotentCommand.Prepared.of(AgencyFiguresViews.resent(report.period().key(), mails.size()), writes);
            });
        } catch (Refused queuedBefore) {
            throw Refusal.conflict("This report was already sent again with this Idempotency-Key. Use a new key to send it once more.");
        }
    }

    private List<Mail> mails(Agency agency, AgencyReportStore.Stored report, String base) {
        LocalDate firstSent = report.madeAt().atZone(ZoneId.of(catalog.council().timeZone())).toLocalDate();
        List<Mail.Attachment> attached = List.of(new Mail.Attachment(AgencyReports.fileName(agency.id(), report.period()),
                "text/csv; charset=utf-8", report.csv().getBytes(StandardCharsets.UTF_8)));
        String subject = StoredReportMail.subject(agency, report);
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < agency.mailed().size(); i++) {
            String link = agency.unsubscribeLink(portalUrl, agency.mailed().get(i));
            mails.add(new Mail(base + "-contact-" + i, agency.mailed().get(i).email(), subject,
                    StoredReportMail.text(agency, report, firstSent, link), StoredReportMail.html(agency, report, firstSent, link),
                    "agency-report", report.period().key(), attached));
        }
        directory.member(agency.accountManagerId()).filter(StaffMember::enabled).filter(m -> m.email() != null)
                .ifPresent(manager -> mails.add(new Mail(base + "-manager", manager.email(), subject,
                        StoredReportMail.text(agency, report, firstSent, null), StoredReportMail.html(agency, report, firstSent, null),
                        "agency-report", report.period().key(), attached)));
        return mails;
    }

    /** A period's key as stored ({@code QUARTERLY-2026-07-01}); empty when it names no period we report. */
    static Optional<ReportPeriod> period(String key) {
        int dash = key == null ? -1 : key.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        try {
            LocalDate first = LocalDate.parse(key.substring(dash + 1));
            return ReportPeriod.Kind.named(key.substring(0, dash)).map(kind -> ReportPeriod.containing(kind, first))
                    .filter(period -> period.first().equals(first));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private Agency visible(StaffCaller caller, String agencyId) {
        caller.requireAny(Role.ADMIN, Role.ACCOUNT_MANAGER);
        // Another manager's agency answers as one that does not exist, as on the agency's own page.
        return agencies.agency(agencyId).filter(agency -> AgencyAdmin.sees(caller, agency))
                .orElseThrow(() -> Refusal.notFound("There is no agency " + agencyId + "."));
    }
}

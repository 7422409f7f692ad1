package io.civicdesk.agencyissues;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyAdmin;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.agencyreports.AgencyReportStore;
import io.civicdesk.catalog.Catalog;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.figures.UnitService;
import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Log;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.platform.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The account management team's weekly "status of all clients" (seed 000): each agency's share of requests resolved
 * within target over the last 7 days and the quarter so far (from its day figures: agencies × services × days items,
 * however many requests), its open issues and how many are overdue at their level, its last contact (the latest
 * issue step, meeting or report mailed) and its next review. An account manager sees her agencies; administrators
 * all. Mailed on Monday mornings to each account manager, with her own agencies' rows only.
 */
public final class AgencyStatus {
    private final AgencyStore agencies;
    private final AgencyIssueStore issues;
    private final MeetingNoteStore meetings;
    private final AgencyReportStore reports;
    private final FiguresStore figures;
    private final Catalog catalog;
    private final Directory directory;
    private final OutboxStore outbox;
    private final Transactions transactions;
    private final Clock clock;

    public AgencyStatus(AgencyStore agencies, AgencyIssueStore issues, MeetingNoteStore meetings, AgencyReportStore reports,
                        FiguresStore figures, Catalog catalog, Directory directory, OutboxStore outbox,
                        Transactions transactions, Clock clock) {
        this.agencies = agencies;
        this.issues = issues;
        this.meetings = meetings;
        this.reports = reports;
        this.figures = figures;
        this.catalog = catalog;
        this.directory = directory;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * One agency's line. The shares are of requests resolved in the span, null when none were.
     *
     * @param lastContact null when there has been none
     */
    public record Row(Agency agency, Double withinWeek, Double withinQuarter, int openIssues, int overdueIssues,
                      LocalDate lastContact, LocalDate nextReview) {
    }

    /** {@code weekFrom} to {@code today} is the last 7 days; {@code quarterFrom} the quarter's first day. */
    public record Status(LocalDate today, LocalDate weekFrom, LocalDate quarterFrom, List<Row> rows, int itemsRead) {
    }

    public Status status(StaffCaller caller) {
        caller.requireAny(Role.ADMIN, Role.ACCOUNT_MANAGER);
        return status(agency -> AgencyAdmin.sees(caller, agency));
    }

    private Status status(Predicate<Agency> shown) {
        ZoneId zone = ZoneId.of(catalog.council().timeZone());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate weekFrom = today.minusDays(6);
        LocalDate quarterFrom = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        AgencyStore.Book book = agencies.all();
        List<Agency> listed = book.agencies().stream().filter(shown).sorted(Comparator.comparing(Agency::name)).toList();
        List<String> ids = listed.stream().map(Agency::id).toList();
        FiguresStore.PeriodFigures week = figures.agencyPeriodFigures(ids, weekFrom, today);
        FiguresStore.PeriodFigures quarter = figures.agencyPeriodFigures(ids, quarterFrom, today);
        int itemsRead = book.agencies().size() + week.itemsRead() + quarter.itemsRead();
        Map<String, Figures> byWeek = byAgency(week.figures());
        Map<String, Figures> byQuarter = byAgency(quarter.figures());
        List<Row> rows = new java.util.ArrayList<>();
        for (Agency agency : listed) {
            List<AgencyIssue> log = issues.issues(agency.id());
            List<AgencyIssue> open = log.stream().filter(issue -> !issue.resolved()).toList();
            LocalDate lastContact = Stream.of(
                    log.stream().map(issue -> LocalDate.ofInstant(issue.lastStepAt(), zone)).max(Comparator.naturalOrder()).orElse(null),
                    meetings.lastHeld(agency.id()).orElse(null),
                    reports.lastMadeAt(agency.id()).map(at -> LocalDate.ofInstant(at, zone)).orElse(null))
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            itemsRead += log.size() + 2;
            rows.add(new Row(agency, share(byWeek.get(agency.id())), share(byQuarter.get(agency.id())), open.size(),
                    (int) open.stream().filter(issue -> issue.overdue(today)).count(), lastContact,
                    Agreement.inForce(book.versions(agency.id()), today).map(Agreement::reviewDate).orElse(null)));
        }
        return new Status(today, weekFrom, quarterFrom, rows, itemsRead);
    }

    private static Map<String, Figures> byAgency(Map<UnitService, Figures> figures) {
        Map<String, Figures> total = new HashMap<>();
        figures.forEach((key, f) -> total.computeIfAbsent(key.unitId(), id -> new Figures()).merge(f));
        return total;
    }

    private static Double share(Figures figures) {
        return figures == null ? null : figures.shareResolvedInTime();
    }

    /** A run of the weekly mail: account managers with agencies, and how many of them were mailed now. */
    public record Outcome(String week, int managers, int mailed, int itemsRead) {
    }

    /**
     * Each account manager's mail, with her agencies' rows only; once a week — a retried schedule finds the week's
     * mail in the outbox and mails nobody twice.
     */
    public Outcome mailWeekly() {
        Status all = status(agency -> true);
        Map<String, List<Row>> byManager = all.rows().stream().collect(Collectors.groupingBy(
                row -> row.agency().accountManagerId(), LinkedHashMap::new, Collectors.toList()));
        Instant now = clock.instant();
        int mailed = 0;
        for (Map.Entry<String, List<Row>> entry : byManager.entrySet()) {
            StaffMember manager = directory.member(entry.getKey()).filter(StaffMember::enabled).filter(m -> m.email() != null)
                    .orElse(null);
            if (manager == null) {
                continue;
            }
            Status hers = new Status(all.today(), all.weekFrom(), all.quarterFrom(), entry.getValue(), 0);
            Mail mail = new Mail("agency-status-" + manager.id() + "-" + all.today(), manager.email(), StatusMail.subject(hers),
                    StatusMail.text(hers), StatusMail.html(hers), "agency-status", all.today().toString());
            try {
                transactions.commit(List.of(outbox.pending("mail", mail, now)));
                mailed++;
            } catch (Refused sentBefore) {
                // This week's status was mailed to her by an earlier run.
            }
        }
        Log.info("agency-status", Map.of("week", all.today().toString(), "managers", byManager.size(), "mailed", mailed,
                "itemsRead", all.itemsRead()));
        return new Outcome(all.today().toString(), byManager.size(), mailed, all.itemsRead());
    }
}

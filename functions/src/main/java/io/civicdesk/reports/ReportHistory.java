package io.civicdesk.reports;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Csv;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stored reports as staff read them on the dashboard: a kind's history, newest first, and one report with
 * its CSV. Supervisors and administrators see every unit; an account manager only the lines of the units they
 * look after (and not the all-units line, which would tell them about the others).
 */
public final class ReportHistory {
    /** Over a year of weekly reports: more than a dashboard charts, in one Query. */
    static final int HISTORY_LENGTH = 60;
    private static final Pattern PERIOD_KEY = Pattern.compile("(WEEKLY|MONTHLY|QUARTERLY)-\\d{4}-\\d{2}-\\d{2}");

    private final ReportStore reports;
    private final Accounts accounts;

    public ReportHistory(ReportStore reports, Accounts accounts) {
        this.reports = reports;
        this.accounts = accounts;
    }

    /**
     * A report's headline figures: per unit, per service, and across all units (null for an account manager), and the
     * referrals per pair of units (an account manager's: the pairs her units are part of).
     */
    public record Entry(String periodKey, String kind, String first, String last, Instant createdAt, String csvFileName,
                        List<Map<String, Object>> units, List<Map<String, Object>> services,
                        Map<String, Object> allUnits, List<Map<String, Object>> referrals) {
    }

    public record History(String kind, List<Entry> reports) {
    }

    /** Whose lines the caller may see: null for every unit. */
    private Set<String> unitsOf(StaffCaller caller) {
        caller.requireAny(Role.SUPERVISOR, Role.ACCOUNT_MANAGER, Role.ADMIN);
        if (caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN)) {
            return null;
        }
        return accounts.account(caller.id()).map(account -> Set.copyOf(account.unitIds())).orElse(Set.of());
    }

    public History history(StaffCaller caller, String kindText) {
        Set<String> units = unitsOf(caller);
        ReportPeriod.Kind kind = ReportPeriod.Kind.named(kindText)
                .orElseThrow(() -> Refusal.invalid("kind", "Choose weekly, monthly or quarterly."));
        List<Entry> entries = reports.history(kind, HISTORY_LENGTH).stream()
                .map(listed -> entry(listed.period(), listed.summary(), listed.createdAt(), units)).toList();
        return new History(kind.name(), entries);
    }

    public Entry report(StaffCaller caller, String periodKey) {
        Set<String> units = unitsOf(caller);
        ReportStore.StoredReport stored = stored(periodKey);
        return entry(stored.period(), stored.summary(), stored.createdAt(), units);
    }

    /** A CSV file to download: its name and its rows. */
    public record Download(String fileName, String csv) {
    }

    /** The report's CSV as stored (as mailed to administrators), or an account manager's units' rows of it. */
    public Download csv(StaffCaller caller, String periodKey) {
        Set<String> units = unitsOf(caller);
        ReportStore.StoredReport stored = stored(periodKey);
        String fileName = ServiceLevelReports.fileName(stored.period());
        if (units == null) {
            return new Download(fileName, stored.csv());
        }
        // The CSV names units, not ids: the summary stored with it says which names are the caller's units.
        List<String> prefixes = new ArrayList<>();
        for (Map<String, Object> unit : ReportSummaryView.read(stored.summary()).units()) {
            if (units.contains(String.valueOf(unit.get("unitId")))) {
                prefixes.add(stored.period().first() + "," + stored.period().last() + "," + Csv.text(String.valueOf(unit.get("unitName"))) + ",");
            }
        }
        String[] rows = stored.csv().split("\r\n");
        StringBuilder csv = new StringBuilder(rows[0]).append("\r\n");
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i];
            if (prefixes.stream().anyMatch(row::startsWith)) {
                csv.append(row).append("\r\n");
            }
        }
        return new Download(fileName, csv.toString());
    }

    private ReportStore.StoredReport stored(String periodKey) {
        if (periodKey == null || !PERIOD_KEY.matcher(periodKey).matches()) {
            throw Refusal.invalid("periodKey", "Give a report's key, for example WEEKLY-2026-11-16.");
        }
        ReportStore.StoredReport stored = reports.period(periodKey).report();
        if (stored == null) {
            throw Refusal.notFound("There is no stored report for " + periodKey + ".");
        }
        return stored;
    }

    private static Entry entry(ReportPeriod period, String summaryJson, Instant createdAt, Set<String> units) {
        ReportSummaryView.Lines summary = ReportSummaryView.read(summaryJson);
        return new Entry(period.key(), period.kind().name(), period.first().toString(), period.last().toString(), createdAt,
                ServiceLevelReports.fileName(period), lines(summary.units(), units), lines(summary.services(), units),
                units == null ? summary.allUnits() : null,
                summary.referrals().stream().filter(pair -> units == null || units.contains(String.valueOf(pair.get("fromUnitId")))
                        || units.contains(String.valueOf(pair.get("toUnitId")))).toList());
    }

    private static List<Map<String, Object>> lines(List<Map<String, Object>> lines, Set<String> units) {
        return lines.stream().filter(line -> units == null || units.contains(String.valueOf(line.get("unitId")))).toList();
    }
}

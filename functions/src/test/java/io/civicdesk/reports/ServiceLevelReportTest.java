package io.civicdesk.reports;

import io.civicdesk.figures.UnitService;
import io.civicdesk.figures.Backlog;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.ReferralFiguresStore.PairCounts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceLevelReportTest {
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 8, 1));
    private static final ServiceLevelReport.Names NAMES = new ServiceLevelReport.Names(
            Map.of("waste", "Waste Services", "roads", "Roads and Drainage"),
            Map.of("missed-bin", "Missed bin collection", "bulk-verge", "Bulk verge collection", "pothole", "Pothole, or damaged road"));

    private static Figures received(int online, int phone, int resolvedInTime, int resolvedLate) {
        Figures figures = new Figures();
        for (int i = 0; i < online; i++) {
            figures.received("online");
        }
        for (int i = 0; i < phone; i++) {
            figures.received("phone");
        }
        for (int i = 0; i < resolvedInTime; i++) {
            figures.resolved(60, true, false);
        }
        for (int i = 0; i < resolvedLate; i++) {
            figures.resolved(6000, false, false);
            figures.resolutionBreached();
        }
        return figures;
    }

    private static ServiceLevelReport report() {
        var missedBin = new UnitService("waste", "missed-bin");
        var bulkVerge = new UnitService("waste", "bulk-verge");
        var pothole = new UnitService("roads", "pothole");
        return ServiceLevelReport.build(QUARTER, "City of Melaleuca", NAMES,
                Map.of(missedBin, received(8, 2, 9, 1), bulkVerge, received(3, 1, 2, 0), pothole, received(5, 5, 4, 4)),
                Map.of(missedBin, received(5, 0, 5, 0), pothole, received(10, 10, 0, 0)),
                Map.of(pothole, Backlog.of(List.of(10, 2)), missedBin, Backlog.of(List.of(25, 5, 20, 0))),
                List.of(new PairCounts("waste", "roads", 6, 3, 2, 4), new PairCounts("roads", "waste", 1, 1, 0, 0),
                        new PairCounts("roads", "parks", 2, 0, 1, 1)));
    }

    @Test
    void eachUnitsReferralsAreThoseItMadeAndThoseMadeToIt() {
        ServiceLevelReport report = report();
        // Waste made 6 (2 came back as wrongly referred) and was sent 1, which it answered late.
        assertEquals(new ServiceLevelReport.UnitReferrals(6, 1, 2, 0.0), report.referralsOf("waste"));
        // Roads made 3 (1 came back) and answered 4 of the 5 made to it within the target.
        assertEquals(new ServiceLevelReport.UnitReferrals(3, 6, 1, 0.8), report.referralsOf("roads"));
        assertEquals(new ServiceLevelReport.UnitReferrals(9, 9, 3, 5.0 / 7), report.referralsOf(null));
        String[] rows = ReportCsv.write(report).split("\r\n");
        List<String> header = List.of(rows[0].split(","));
        String[] waste = java.util.Arrays.stream(rows).filter(row -> row.contains(",Waste Services,,")).findFirst().orElseThrow().split(",", -1);
        assertEquals("6", waste[header.indexOf("referred_out")]);
        assertEquals("2", waste[header.indexOf("wrongly_referred_out")]);
        assertEquals("0.0", waste[header.indexOf("referrals_answered_in_target_pct")]);
        assertEquals("", rows[3].split(",", -1)[header.indexOf("referred_out")], "a service's line has no referrals");
        String html = ReportMail.html(report);
        assertTrue(html.contains("<h2 style=\"font-size:18px;margin:24px 0 8px\">Referrals between units</h2>"), html);
        assertTrue(ReportMail.text(report).contains("Waste Services to Roads and Drainage: 6 referred, 3 accepted, 2 sent back as wrongly referred, 80% answered within target"),
                ReportMail.text(report));
    }

    @Test
    void anAccountManagersReportHasOnlyThePairsTheirUnitsArePartOf() {
        ServiceLevelReport waste = report().forUnits(Set.of("waste"));
        assertEquals(List.of("waste>roads", "roads>waste"),
                waste.referrals().stream().map(pair -> pair.fromUnitId() + ">" + pair.toUnitId()).toList());
        assertEquals("Roads and Drainage", waste.referrals().get(0).toUnitName());
    }

    @Test
    void unitTotalsAndTheAllUnitsLineAddUpTheirServices() {
        ServiceLevelReport report = report();
        assertEquals(List.of("pothole", "bulk-verge", "missed-bin"), report.services().stream().map(ServiceLevelReport.Line::serviceId).toList());
        ServiceLevelReport.Line waste = report.units().stream().filter(line -> line.unitId().equals("waste")).findFirst().orElseThrow();
        assertEquals(14, waste.current().received());
        assertEquals(11.0 / 12, waste.current().shareResolvedInTime(), 1e-9);
        assertEquals(24, report.allUnits().current().received());
        assertEquals(5, report.allUnits().current().breaches());
        assertEquals(new Backlog(1, 2, 1, 25), waste.backlog());
        assertEquals(new Backlog(2, 3, 1, 25), report.allUnits().backlog(), "bands add up; the oldest is the oldest of all");
        assertEquals(-0.5, report.services().get(0).receivedChange(), 1e-9, "pothole: 10 against 20");
    }

    @Test
    void anAccountManagerSeesOnlyTheirUnits() {
        ServiceLevelReport roads = report().forUnits(Set.of("roads"));
        assertEquals(1, roads.services().size());
        assertEquals(10, roads.allUnits().current().received());
        assertEquals(1, report().units().stream().filter(line -> line.unitId().equals("roads")).count());
    }

    @Test
    void theCsvHoldsTheSameFiguresOneRowPerLine() {
        String[] rows = ReportCsv.write(report()).split("\r\n");
        assertEquals(1 + 3 + 2 + 1, rows.length);
        List<String> header = List.of(rows[0].split(","));
        String[] missedBin = rows[3].split(",", -1);
        assertEquals("Missed bin collection", missedBin[header.indexOf("service")]);
        assertEquals("10", missedBin[header.indexOf("received")]);
        assertEquals("100.0", missedBin[header.indexOf("received_change_pct")]);
        assertEquals("90.0", missedBin[header.indexOf("resolution_in_target_pct")]);
        assertEquals("80.0", missedBin[header.indexOf("channel_online_pct")]);
        assertEquals("4", missedBin[header.indexOf("open")]);
        assertEquals("1", missedBin[header.indexOf("open_under_5_business_days")]);
        assertEquals("2", missedBin[header.indexOf("open_5_to_20_business_days")]);
        assertEquals("1", missedBin[header.indexOf("open_over_20_business_days")]);
        assertEquals("25", missedBin[header.indexOf("oldest_open_business_days")]);
        assertTrue(rows[1].contains("\"Pothole, or damaged road\""), "a name with a comma is quoted");
        assertTrue(rows[rows.length - 1].contains("All units"));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDisarmed() {
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\""), ReportCsv.text("=HYPERLINK(\"x\")").replaceAll("^\"|\"$", ""));
        assertEquals("plain", ReportCsv.text("plain"));
    }

    @Test
    void theMailShowsEachUnitsShareAsABarWithItsValueWrittenBeside() {
        String html = ReportMail.html(report());
        assertTrue(html.contains("Roads and Drainage"), html);
        // Roads resolved 4 of 8 within target: half the bar filled, and "50%" written beside it.
        assertTrue(html.contains("<td width=\"120\" height=\"16\" bgcolor=\"#1d70b8\""), html);
        assertTrue(html.contains(">50%</td>"), html);
        assertTrue(html.contains("Pothole, or damaged road"));
        assertTrue(ReportMail.subject(report()).startsWith("City of Melaleuca service levels, Wednesday 1 July 2026 to"));
        assertTrue(ReportMail.text(report()).contains("Waste Services: 14 received, 12 resolved, 92% within target, 4 open (1 over 20"));
    }

    @Test
    void theMailChartsEachUnitsOpenRequestsByDaysWaitedWithTheCountsWrittenBeside() {
        String html = ReportMail.html(report());
        // Waste has the most open (4): its bar is full, a quarter under 5 days, half 5 to 20, a quarter over 20.
        assertTrue(html.contains("<td width=\"60\" height=\"16\" bgcolor=\"#1d70b8\" style=\"background:#1d70b8\"></td>"
                + "<td width=\"120\" height=\"16\" bgcolor=\"#4c2c92\" style=\"background:#4c2c92\"></td>"
                + "<td width=\"60\" height=\"16\" bgcolor=\"#d4351c\""), html);
        assertTrue(html.contains(">4 open: 1 under 5, 2 5 to 20, 1 over 20; oldest 25</td>"), html);
        assertTrue(html.contains("6 still open (1 waiting over 20 business days)"), html);
    }
}

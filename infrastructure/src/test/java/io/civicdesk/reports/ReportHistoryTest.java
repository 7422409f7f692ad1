package io.civicdesk.reports;

import io.civicdesk.figures.FiguresStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's report history over three quarters of 2017 (stored out of order by the real roll-up): newest
 * first for everyone allowed, only Morgan Taylor's units' lines for her, one report as JSON and as CSV, and a
 * message naming the field for what is wrong.
 */
class ReportHistoryTest {
    private static final Map<String, String> SUPERVISOR = Api.signedInAs("demo-supervisor");
    private static final Map<String, String> MORGAN = Api.signedInAs("demo-account-manager");
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");
    private static final Api API = TestStack.api();

    @BeforeAll
    static void threeQuartersOf2017() {
        FiguresStore figures = ReportFixtures.figures();
        LocalDate q1 = LocalDate.of(2017, 2, 14);
        for (int i = 0; i < 4; i++) {
            figures.record("waste", "missed-bin", q1, new FiguresStore.Received("online"));
            figures.record("waste", "missed-bin", q1, new FiguresStore.Responded(30, i < 3));
            figures.record("waste", "missed-bin", q1.plusDays(1), new FiguresStore.Resolved(600, i < 2, false));
        }
        figures.record("waste", "missed-bin", q1.plusDays(1), new FiguresStore.ResolutionBreached());
        figures.record("rangers", "barking-dog", q1, new FiguresStore.Received("phone"));
        figures.record("rangers", "barking-dog", q1, new FiguresStore.ResponseBreached());
        figures.record("roads", "pothole", LocalDate.of(2017, 5, 3), new FiguresStore.Received("counter"));
        figures.record("parks", "graffiti", LocalDate.of(2017, 8, 9), new FiguresStore.Received("online"));

        ReportFixtures.rollUp(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2017, 5, 1));
        ReportFixtures.rollUp(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2017, 2, 1));
        ReportFixtures.rollUp(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2017, 8, 1));
    }

    private static JsonNode history(Map<String, String> who) {
        Api.Reply reply = API.get("/staff/reports?kind=quarterly", who);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonNode entry(JsonNode history, String periodKey) {
        for (JsonNode report : history.path("reports")) {
            if (report.path("periodKey").asText().equals(periodKey)) {
                return report;
            }
        }
        throw new AssertionError(periodKey + " not in " + history);
    }

    private static List<String> ids(JsonNode lines, String field) {
        List<String> ids = new ArrayList<>();
        lines.forEach(line -> ids.add(line.path(field).asText()));
        return ids;
    }

    @Test
    void theHistoryIsNewestFirstWithEachPeriodsHeadlineFigures() {
        JsonNode history = history(SUPERVISOR);
        assertEquals("QUARTERLY", history.path("kind").asText());
        List<String> firsts = new ArrayList<>();
        history.path("reports").forEach(report -> firsts.add(report.path("first").asText()));
        List<String> newestFirst = new ArrayList<>(firsts);
        newestFirst.sort(java.util.Comparator.reverseOrder());
        assertEquals(newestFirst, firsts, "newest first");
        List<String> of2017 = firsts.stream().filter(first -> first.startsWith("2017")).toList();
        assertEquals(List.of("2017-07-01", "2017-04-01", "2017-01-01"), of2017);

        JsonNode q1 = entry(history, "QUARTERLY-2017-01-01");
        assertEquals("2017-03-31", q1.path("last").asText());
        assertEquals("service-levels-quarterly-2017-01-01.csv", q1.path("csvFileName").asText());
        assertNotNull(q1.path("createdAt").textValue());
        assertEquals(5, q1.path("allUnits").path("received").asLong());
        assertEquals(2, q1.path("allUnits").path("breaches").asLong());
        JsonNode bins = q1.path("services").get(ids(q1.path("services"), "serviceId").indexOf("missed-bin"));
        assertEquals(0.75, bins.path("respondedInTime").asDouble(), 1e-9);
        assertEquals(0.5, bins.path("resolvedInTime").asDouble(), 1e-9);
        assertEquals("Missed bin collection", bins.path("serviceName").asText());
        assertTrue(ids(q1.path("units"), "unitId").contains("rangers"), "every unit for a supervisor");
    }

    @Test
    void anAccountManagerSeesOnlyTheLinesOfTheUnitsSheLooksAfter() {
        JsonNode q1 = entry(history(MORGAN), "QUARTERLY-2017-01-01");
        assertEquals(List.of("waste"), ids(q1.path("units"), "unitId"), "only waste had figures among her units");
        assertFalse(ids(q1.path("services"), "unitId").contains("rangers"));
        assertTrue(q1.path("allUnits").isMissingNode() || q1.path("allUnits").isNull(), "the all-units line would tell her about other units");

        Api.Reply csv = API.get("/staff/reports/QUARTERLY-2017-01-01?format=csv", MORGAN);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("period_start,period_end,unit,service,"), csv.body());
        assertTrue(csv.body().contains(",Waste Services,Missed bin collection,4,"), csv.body());
        assertFalse(csv.body().contains("Ranger Services"), csv.body());
        assertFalse(csv.body().contains("All units"), csv.body());
    }

    @Test
    void oneReportIsItsStoredFiguresAsJsonAndAsTheCsvThatWasMailed() {
        Api.Reply json = API.get("/staff/reports/QUARTERLY-2017-04-01", ADMIN);
        assertEquals(200, json.status(), json.body());
        assertEquals(1, json.json().path("allUnits").path("received").asLong());
        // The units of the quarter before are there too, for the change against it.
        assertEquals(List.of("rangers", "roads", "waste"), ids(json.json().path("units"), "unitId"));

        String stored = new ReportStore(TestStack.get().dynamoDb(), "FiguresTable").period("QUARTERLY-2017-04-01").report().csv();
        Map<String, String> acceptCsv = new java.util.HashMap<>(ADMIN);
        acceptCsv.put("Accept", "text/csv");
        Api.Reply csv = API.get("/staff/reports/QUARTERLY-2017-04-01", acceptCsv);
        assertEquals(200, csv.status(), csv.body());
        assertEquals(stored, csv.body());
    }

    @Test
    void theDemoCouncilHasWeeksAndMonthsOfReportsToChart() {
        JsonNode weekly = API.get("/staff/reports?kind=weekly", SUPERVISOR).json();
        assertTrue(weekly.path("reports").size() >= 9, weekly.toString());
        assertTrue(weekly.path("reports").get(0).path("allUnits").path("received").asLong() > 0, "figures to chart");
        assertTrue(API.get("/staff/reports?kind=monthly", SUPERVISOR).json().path("reports").size() >= 3);
    }

    @Test
    void whatIsWrongIsNamedAndOfficersAreNotLetIn() {
        Api.Reply yearly = API.get("/staff/reports?kind=yearly", SUPERVISOR);
        assertEquals(400, yearly.status(), yearly.body());
        assertNotNull(yearly.error("kind"), yearly.body());
        Api.Reply none = API.get("/staff/reports", SUPERVISOR);
        assertEquals(400, none.status(), none.body());
        assertNotNull(none.error("kind"), none.body());

        Api.Reply badKey = API.get("/staff/reports/last-week", SUPERVISOR);
        assertEquals(400, badKey.status(), badKey.body());
        assertNotNull(badKey.error("periodKey"), badKey.body());
        assertEquals(404, API.get("/staff/reports/QUARTERLY-1999-01-01", SUPERVISOR).status());

        assertEquals(403, API.get("/staff/reports?kind=weekly", Api.signedInAs("demo-officer-waste")).status());
    }
}

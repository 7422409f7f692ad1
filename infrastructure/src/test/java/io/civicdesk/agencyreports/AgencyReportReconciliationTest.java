package io.civicdesk.agencyreports;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.figures.DurationSketch;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated quarter of requests across 20 agencies, counted as requests are (the agencies' day figures and open
 * counters), against each agency's stored report: counts exactly the raw requests', p50/p90 within the sketch's 1%,
 * the work charged at the agreement's price; a second run stores and mails nothing; and each agency's mail holds its
 * own rows only.
 */
class AgencyReportReconciliationTest {
    private static final int AGENCIES = 20;
    private static final List<String> SERVICES = List.of("missed-bin", "pothole");
    /** Long past, so no other test's agencies have an agreement in force then. */
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2021, 8, 15));
    /** The quarterly schedule's run after it: 1 October, 07:30 in Perth. */
    private static final Instant RUN = Instant.parse("2021-09-30T23:30:00Z");
    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 6);

    record Raw(String agency, String service, LocalDate submitted, LocalDate responded, double responseMinutes,
               boolean respondedInTime, LocalDate resolved, double resolutionMinutes, boolean resolvedInTime) {
    }

    private static final List<Raw> requests = new ArrayList<>();
    private static final List<String> agencyIds = new ArrayList<>();
    private static AgencyReports.Outcome outcome;
    private static AgencyReports reports;

    private static String agencyId(int i) {
        return String.format("recon-%s-%02d", RUN_ID, i);
    }

    private static long price(String agencyId) {
        return agencyIds.indexOf(agencyId) % 2 == 0 ? 1500 : 0;
    }

    @BeforeAll
    static void generateAQuarterForTwentyAgenciesAndRunTheirReports() throws Exception {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        AgencyStore agencies = new AgencyStore(dynamo, "CatalogTable");
        for (int i = 0; i < AGENCIES; i++) {
            String id = agencyId(i);
            agencyIds.add(id);
            agencies.save(new Agency(id, "Agency " + id, "demo-account-manager", List.of(new Agency.Contact(
                    Agency.Role.BUSINESS_MANAGER, "Contact " + i, "contact@" + id + ".example", "token-" + id, false)), 1));
            agencies.add(new Agreement(id, 1, LocalDate.of(2021, 1, 1), Agreement.Frequency.QUARTERLY,
                    price(id) == 0 ? null : price(id), LocalDate.of(2022, 1, 1),
                    SERVICES.stream().map(s -> new Agreement.Target(s, null, null, null)).toList()));
        }
        Random random = new Random(2027);
        LocalDate start = QUARTER.first().minusDays(14);
        for (int i = 0; i < 1200; i++) {
            LocalDate submitted = start.plusDays(random.nextInt(120));
            double response = random.nextInt(10) == 0 ? 0 : Math.exp(random.nextGaussian() + 5);
            double resolution = response + Math.exp(random.nextGaussian() * 1.2 + 7);
            boolean resolvedAtAll = random.nextInt(5) > 0;
            requests.add(new Raw(agencyIds.get(random.nextInt(AGENCIES)), SERVICES.get(random.nextInt(SERVICES.size())),
                    submitted, submitted.plusDays((long) (response / 450)), response, response <= 480,
                    resolvedAtAll ? submitted.plusDays((long) (resolution / 450)) : null, resolution, resolution <= 4800));
        }
        FiguresStore figures = new FiguresStore(dynamo, "FiguresTable");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (Raw r : requests) {
                // Concurrent ADDs to the same day items and open counters: none may be lost.
                writes.add(pool.submit(() -> record(figures, r)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        reports = AgencyReportFixtures.reports(Clock.fixed(RUN, ZoneOffset.UTC));
        outcome = reports.run(ReportPeriod.Kind.QUARTERLY);
    }

    private static void record(FiguresStore store, Raw r) {
        store.apply(store.agencyUpdate(r.agency(), r.service(), r.submitted(), List.of(new FiguresStore.Received("online"))));
        List<FiguresStore.Change> response = new ArrayList<>(List.of(new FiguresStore.Responded(r.responseMinutes(), r.respondedInTime())));
        if (!r.respondedInTime()) {
            response.add(new FiguresStore.ResponseBreached());
        }
        store.apply(store.agencyUpdate(r.agency(), r.service(), r.responded(), response));
        if (r.resolved() == null) {
            store.apply(store.agencyOpenUpdate(r.agency(), r.service(), 1));
            return;
        }
        List<FiguresStore.Change> resolution = new ArrayList<>(List.of(
                new FiguresStore.Resolved(r.resolutionMinutes(), r.resolvedInTime(), false)));
        if (!r.resolvedInTime()) {
            resolution.add(new FiguresStore.ResolutionBreached());
        }
        store.apply(store.agencyUpdate(r.agency(), r.service(), r.resolved(), resolution));
    }

    private static List<Raw> where(String agency, String service, Predicate<Raw> happened) {
        return requests.stream().filter(r -> r.agency().equals(agency) && r.service().equals(service)).filter(happened).toList();
    }

    private static double exactQuantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
    }

    /** The CSV's rows by service name, column → value (the generated names hold no comma or quote). */
    private static Map<String, Map<String, String>> rows(String csv) {
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            rows.put(row.get("service"), row);
        }
        return rows;
    }

    @Test
    void eachAgencysReportHoldsExactlyItsRawRequestsAndReadsDaysNotRequests() {
        assertEquals(AGENCIES, outcome.agencies(), outcome.toString());
        assertEquals(AGENCIES, outcome.stored());
        assertEquals(AGENCIES * 2, outcome.mailed(), "each agency's contact and its account manager");
        int bound = AGENCIES * SERVICES.size() * (92 + 92) + AGENCIES * 2 + AGENCIES * SERVICES.size();
        assertTrue(outcome.itemsRead() <= bound, "read more than agencies × services × days: " + outcome.itemsRead());
        AgencyReportStore stored = new AgencyReportStore(TestStack.get().dynamoDb(), "FiguresTable");
        for (String agency : agencyIds) {
            Map<String, Map<String, String>> rows = rows(stored.csv(agency, QUARTER).orElseThrow());
            assertEquals(SERVICES.size(), rows.size(), agency + ": its services only");
            for (String service : SERVICES) {
                String name = new CatalogStore(TestStack.get().dynamoDb(), "CatalogTable").service(service).orElseThrow().name();
                Map<String, String> row = rows.get(name);
                assertTrue(row != null, agency + " " + name + " in " + rows.keySet());
                String at = agency + "/" + service;
                List<Raw> received = where(agency, service, r -> QUARTER.contains(r.submitted()));
                List<Raw> resolved = where(agency, service, r -> r.resolved() != null && QUARTER.contains(r.resolved()));
                List<Raw> responded = where(agency, service, r -> QUARTER.contains(r.responded()));
                assertEquals(Long.toString(received.size()), row.get("received"), at);
                assertEquals(Long.toString(where(agency, service, r -> QUARTER.previous().contains(r.submitted())).size()),
                        row.get("received_previous"), at);
                assertEquals(Long.toString(resolved.size()), row.get("resolved"), at);
                assertEquals(Long.toString(where(agency, service, r -> r.resolved() == null).size()), row.get("open"), at);
                assertEquals(Long.toString(responded.stream().filter(r -> !r.respondedInTime()).count()
                        + resolved.stream().filter(r -> !r.resolvedInTime()).count()), row.get("breaches"), at);
                assertEquals(AgencyReportCsv.percent((double) resolved.stream().filter(Raw::resolvedInTime).count() / resolved.size()),
                        row.get("resolution_in_target_pct"), at);
                for (double q : new double[] {0.5, 0.9}) {
                    double exact = exactQuantile(resolved.stream().map(Raw::resolutionMinutes).toList(), q) / 60;
                    double reported = Double.parseDouble(row.get(q == 0.5 ? "p50_resolution_hours" : "p90_resolution_hours"));
                    // Within the sketch's 1%, and the CSV's rounding to a tenth of an hour.
                    assertTrue(Math.abs(reported - exact) <= DurationSketch.RELATIVE_ERROR * exact + 0.05,
                            at + " q" + q + ": " + reported + " vs exact " + exact);
                }
                assertEquals(price(agency) == 0 ? "" : String.format(java.util.Locale.ROOT, "%.2f", price(agency) * resolved.size() / 100.0),
                        row.get("charged_dollars"), at);
            }
        }
    }

    @Test
    void aSecondRunStoresAndMailsNothingAndEachAgencysMailHoldsOnlyItsOwnRows() {
        AgencyReports.Outcome again = reports.run(ReportPeriod.Kind.QUARTERLY);
        assertEquals(0, again.stored());
        assertEquals(0, again.mailed());
        AgencyReportStore stored = new AgencyReportStore(TestStack.get().dynamoDb(), "FiguresTable");
        for (String agency : agencyIds.subList(0, 3)) {
            Message mail = Mailbox.awaitMailTo("contact@" + agency + ".example",
                    m -> m.attachments().stream().anyMatch(a -> a.filename().endsWith(".csv")));
            String csv = new String(mail.attachments().get(0).content(), StandardCharsets.UTF_8);
            assertEquals(stored.csv(agency, QUARTER).orElseThrow(), csv, "the stored report, as mailed");
            for (Map<String, String> row : rows(csv).values()) {
                assertEquals("Agency " + agency, row.get("agency"), "its own rows only");
            }
            for (String other : agencyIds) {
                if (!other.equals(agency)) {
                    assertFalse(mail.text().contains(other) || mail.html().contains(other) || csv.contains(other), other + " in " + agency + "'s mail");
                }
            }
            assertTrue(mail.text().contains("/agency-unsubscribe.html?agency=" + agency + "#token=token-" + agency), mail.text());
        }
    }
}

package io.civicdesk.bench;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.agencyreports.AgencyReportStore;
import io.civicdesk.agencyreports.AgencyReports;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.DurationSketch;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Items;
import io.civicdesk.reports.ReportPeriod;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The agencies' quarterly report run as agencies and requests grow: each agency's day figures for its services over
 * the quarter are written whole (as a backfill would), then the run reads them, its open counters and the agreements,
 * and stores and mails each agency's report. A row per (agencies, requests per agency-service-day): the items read
 * follow agencies × services × days, and stay put when the requests grow tenfold.
 */
final class AgencyReportScaling {
    private static final int SERVICES = 2;
    static final List<String> SERVICE_IDS = List.of("missed-bin", "pothole");
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    private AgencyReportScaling() {
    }

    /** {@code {agencies, requests a day per agency and service}}, each row in a quarter of its own. */
    private static final int[][] ROWS = {{10, 2}, {100, 2}, {100, 20}};

    static Table measure(DynamoDbClient dynamo) throws Exception {
        Table table = new Table("Agency reports: the quarterly run as agencies and requests grow",
                "How measured: in the local DynamoDB (moto), " + SERVICES + " services per agency, every day of the quarter"
                        + " holding requests; the day items are written whole before the run (not timed). The run reads the"
                        + " agencies and agreements (one Query), each agency's day items for the quarter and the one before,"
                        + " and its open counters, then stores each report and its mail to the account manager in one"
                        + " transaction per agency. Time is the whole run.",
                "Agencies", "Requests in quarter", "DynamoDB items read", "Items per agency", "Reports stored", "Time ms");
        AgencyStore agencies = new AgencyStore(dynamo, "CatalogTable");
        for (int row = 0; row < ROWS.length; row++) {
            int count = ROWS[row][0];
            int perDay = ROWS[row][1];
            // A quarter per row, long past: no other row's (or the demo's) agencies are reported then.
            ReportPeriod quarter = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2019 - row, 8, 1));
            long requests = 0;
            Random random = new Random(count * 31L + perDay);
            try (RollUpScaling.BatchWriter writer = new RollUpScaling.BatchWriter(dynamo, "FiguresTable")) {
                for (int a = 0; a < count; a++) {
                    String id = "bench-" + row + "-" + a;
                    agencies.save(new Agency(id, "Bench agency " + a, "demo-account-manager", List.of(), 1));
                    agencies.add(new Agreement(id, 1, quarter.first(), Agreement.Frequency.QUARTERLY, 1200L,
                            quarter.last().plusDays(1), SERVICE_IDS.stream().map(s -> new Agreement.Target(s, null, null, null)).toList()));
                    // From the next quarter on, monthly: the later rows' quarterly runs leave it out.
                    agencies.add(new Agreement(id, 2, quarter.last().plusDays(1), Agreement.Frequency.MONTHLY, 1200L,
                            quarter.last().plusYears(1), SERVICE_IDS.stream().map(s -> new Agreement.Target(s, null, null, null)).toList()));
                    for (String service : SERVICE_IDS) {
                        for (LocalDate day = quarter.first(); !day.isAfter(quarter.last()); day = day.plusDays(1)) {
                            writer.put(dayItem(id, service, day, perDay, random));
                            requests += perDay;
                        }
                    }
                }
            }
            Clock morningAfter = Clock.fixed(quarter.last().plusDays(1).atTime(7, 30).atZone(PERTH).toInstant(), ZoneOffset.UTC);
            AgencyReports reports = new AgencyReports(agencies, new FiguresStore(dynamo, "FiguresTable"),
                    new AgencyReportStore(dynamo, "FiguresTable"), new CatalogStore(dynamo, "CatalogTable"),
                    new StaffDirectory(dynamo, "CatalogTable"), new OutboxStore(dynamo, "OutboxTable"),
                    new DynamoTransactions(dynamo), morningAfter, "https://portal.bench");
            long started = System.nanoTime();
            AgencyReports.Outcome outcome = reports.run(ReportPeriod.Kind.QUARTERLY);
            long ms = Math.round((System.nanoTime() - started) / 1e6);
            if (outcome.agencies() != count) {
                throw new IllegalStateException("The run reported " + outcome.agencies() + " agencies, not " + count);
            }
            table.add(count, String.format("%,d", requests), String.format("%,d", outcome.itemsRead()),
                    outcome.itemsRead() / count, outcome.stored(), ms);
        }
        return table;
    }

    /** The sketch's bucket for a duration, as the figures name their counters. */
    private static int bucket(double minutes) {
        DurationSketch sketch = new DurationSketch();
        sketch.add(minutes);
        return sketch.buckets().keySet().iterator().next();
    }

    /** A day's figures for an agency's service: {@code n} received, responded and resolved, most within target. */
    static Map<String, AttributeValue> dayItem(String agencyId, String service, LocalDate day, int n, Random random) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key("AGENCY#" + agencyId, "DAY#" + day + "#" + service));
        long inTime = Math.max(0, n - random.nextInt(Math.max(1, n / 4 + 1)));
        item.put("received", Items.n(n));
        item.put("ch_online", Items.n(n));
        item.put("responded", Items.n(n));
        item.put("respondedInTime", Items.n(inTime));
        item.put("resolved", Items.n(n));
        item.put("resolvedInTime", Items.n(inTime));
        item.put("resp_" + bucket(120 + random.nextInt(240)), Items.n(n));
        item.put("resol_" + bucket(900 + random.nextInt(3000)), Items.n(n));
        return item;
    }
}

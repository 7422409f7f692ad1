package io.civicdesk.bench;

import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.agencyreports.AgencyBenchmarks;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.reports.AccountStore;
import io.civicdesk.reports.ReportPeriod;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Benchmarking agencies side by side as agencies and requests grow: one account manager's agencies, each with its
 * day figures for two services over a quarter written whole, compared for that quarter as the staff page asks. A row
 * per (agencies, requests per agency-service-day): the items read follow agencies × services × days, and stay put
 * when the requests grow tenfold.
 */
final class AgencyBenchmarkScaling {
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    /** {@code {agencies, requests a day per agency and service}}, each row a manager and a quarter of its own. */
    private static final int[][] ROWS = {{10, 2}, {100, 2}, {100, 20}};

    private AgencyBenchmarkScaling() {
    }

    static Table measure(DynamoDbClient dynamo) throws Exception {
        Table table = new Table("Benchmarking: one account manager's agencies side by side for a quarter",
                "How measured: in the local DynamoDB (moto), " + AgencyReportScaling.SERVICE_IDS.size() + " services per"
                        + " agency, every day of the quarter holding requests; the day items are written whole first (not"
                        + " timed). The comparison reads the agencies and agreements (one Query), the manager's agencies'"
                        + " day items for the quarter and their open counters; she has no report account, so no units."
                        + " Time is the whole comparison, warm, in this JVM.",
                "Agencies", "Requests in quarter", "DynamoDB items read", "Items per agency", "Time ms");
        AgencyStore agencies = new AgencyStore(dynamo, "CatalogTable");
        for (int row = 0; row < ROWS.length; row++) {
            int count = ROWS[row][0];
            int perDay = ROWS[row][1];
            ReportPeriod quarter = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2015 - row, 8, 1));
            String manager = "bench-benchmarking-" + row;
            long requests = 0;
            Random random = new Random(count * 17L + perDay);
            try (RollUpScaling.BatchWriter writer = new RollUpScaling.BatchWriter(dynamo, "FiguresTable")) {
                for (int a = 0; a < count; a++) {
                    String id = "benchmarking-" + row + "-" + a;
                    agencies.save(new Agency(id, "Benchmarked agency " + a, manager, List.of(), 1));
                    agencies.add(new Agreement(id, 1, quarter.first(), Agreement.Frequency.QUARTERLY, null, quarter.last(),
                            AgencyReportScaling.SERVICE_IDS.stream().map(s -> new Agreement.Target(s, null, null, null)).toList()));
                    for (String service : AgencyReportScaling.SERVICE_IDS) {
                        for (LocalDate day = quarter.first(); !day.isAfter(quarter.last()); day = day.plusDays(1)) {
                            writer.put(AgencyReportScaling.dayItem(id, service, day, perDay, random));
                            requests += perDay;
                        }
                    }
                }
            }
            Clock later = Clock.fixed(quarter.last().plusDays(1).atTime(9, 0).atZone(PERTH).toInstant(), ZoneOffset.UTC);
            AgencyBenchmarks benchmarks = new AgencyBenchmarks(agencies, new FiguresStore(dynamo, "FiguresTable"),
                    new CatalogStore(dynamo, "CatalogTable"), new AccountStore(dynamo, "CatalogTable"), later);
            StaffCaller caller = new StaffCaller(manager, "Bench Manager", null, Set.of(StaffCaller.Role.ACCOUNT_MANAGER), null);
            AgencyBenchmarks.Query query = new AgencyBenchmarks.Query(ReportPeriod.Kind.QUARTERLY, quarter.first(), null);
            benchmarks.compare(caller, query); // warm: the catalogue's cache and the client's connections
            long started = System.nanoTime();
            AgencyBenchmarks.Benchmark benchmark = benchmarks.compare(caller, query);
            long ms = Math.round((System.nanoTime() - started) / 1e6);
            if (benchmark.agencies().size() != count) {
                throw new IllegalStateException("Compared " + benchmark.agencies().size() + " agencies, not " + count);
            }
            table.add(count, String.format("%,d", requests), String.format("%,d", benchmark.itemsRead()),
                    benchmark.itemsRead() / count, ms);
        }
        return table;
    }
}

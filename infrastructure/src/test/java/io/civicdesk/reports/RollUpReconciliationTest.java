package io.civicdesk.reports;

import java.util.Optional;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.figures.UnitService;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.figures.DurationSketch;
import io.civicdesk.figures.Figures;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.Service;
import io.civicdesk.catalog.Unit;
import io.civicdesk.demo.DemoData;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.feedback.SurveyAnswer;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roll-up from per-day figures against the same figures computed straight from the raw requests and survey
 * answers of a generated data set: counts exactly equal, percentiles within the sketch's stated error; and the
 * quarter's report as run — its backlog read from the units' queues, its satisfaction and NPS from the survey
 * figures — holding exactly those, in the stored report and in the CSV mailed.
 */
class RollUpReconciliationTest {
    private static final List<String> UNITS = List.of("recon-waste", "recon-roads", "recon-parks");
    /** A service of each unit: catalogue services belong to one unit each. */
    private static final List<String> SERVICES = List.of("missed-bin", "pothole", "graffiti", "street-light");
    private static final List<String> CHANNELS = List.of("online", "phone", "counter", "email");
    /** Long past, so no other test's requests, answers or reports fall in it. */
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2022, 8, 15));
    /** The quarterly schedule's run after it: 1 October, 07:00 in Perth. */
    private static final Instant RUN = Instant.parse("2022-09-30T23:00:00Z");
    private static final ZoneId PERTH = ZoneId.of("Australia/Perth");
    private static final String ADMIN = "chris.walker@melaleuca.example";
    private static final String CSV_NAME = "service-levels-quarterly-2022-07-01.csv";

    /**
     * A request as the generator made it: when things happened, in council days, and how long they took; never
     * resolved ({@code resolved} null) means still open. Its survey answer, if any, came the day it was resolved.
     */
    record Raw(String unit, String service, String channel, LocalDate submitted, LocalDate responded, double responseMinutes,
               boolean respondedInTime, LocalDate resolved, double resolutionMinutes, boolean resolvedInTime,
               boolean firstContact, Integer satisfied, Integer recommend) {
        /** When it arrived: 10:00 in Perth on its day. */
        Instant submittedAt() {
            return submitted.atTime(10, 0).atZone(PERTH).toInstant();
        }
    }

    /** A tap on a unit's front-counter smiley tablet. */
    record Tap(String unit, LocalDate day, int satisfied, Integer recommend) {
    }

    private static List<Raw> requests;
    private static List<Tap> taps;
    private static FiguresStore store;
    private static SatisfactionFiguresStore surveys;

    @BeforeAll
    static void generateAndRecordAQuarterAndABit() throws Exception {
        Random random = new Random(2026);
        requests = new ArrayList<>();
        // From a fortnight before the quarter to a fortnight after, so edges are exercised.
        LocalDate start = QUARTER.first().minusDays(14);
        for (int i = 0; i < 1500; i++) {
            LocalDate submitted = start.plusDays(random.nextInt(120));
            double response = random.nextInt(10) == 0 ? 0 : Math.exp(random.nextGaussian() + 5);
            double resolution = response + Math.exp(random.nextGaussian() * 1.2 + 7);
            boolean resolvedAtAll = random.nextInt(5) > 0;
            String unit = UNITS.get(random.nextInt(UNITS.size()));
            Integer satisfied = random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null;
            requests.add(new Raw(unit, serviceId(unit, SERVICES.get(random.nextInt(SERVICES.size()))),
                    CHANNELS.get(random.nextInt(CHANNELS.size())), submitted,
                    submitted.plusDays((long) (response / 450)), response, response <= 480,
                    resolvedAtAll ? submitted.plusDays((long) (resolution / 450)) : null, resolution, resolution <= 4800,
                    random.nextInt(8) == 0, satisfied, satisfied != null && random.nextInt(4) > 0 ? random.nextInt(11) : null));
        }
        taps = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            taps.add(new Tap(UNITS.get(random.nextInt(UNITS.size())), start.plusDays(random.nextInt(120)), 1 + random.nextInt(5),
                    random.nextBoolean() ? random.nextInt(11) : null));
        }
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        store = new FiguresStore(dynamo, "FiguresTable");
        surveys = new SatisfactionFiguresStore(dynamo, "FeedbackTable");
        putUnitsAndServices(dynamo);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (Raw r : requests) {
                // Concurrent ADDs to the same day items: none may be lost.
                writes.add(pool.submit(() -> record(dynamo, r)));
            }
            for (Tap tap : taps) {
                writes.add(pool.submit(() -> new DynamoTransactions(dynamo).commit(List.of(surveys.answer(tap.unit(),
                        SatisfactionFiguresStore.COUNTER_SERVICE, tap.day(), new SurveyAnswer(tap.satisfied(), tap.recommend(), null),
                        true)))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String serviceId(String unit, String service) {
        return unit + "-" + service;
    }

    private static void putUnitsAndServices(DynamoDbClient dynamo) {
        CatalogStore catalog = new CatalogStore(dynamo, "CatalogTable");
        Service bins = DemoData.services().stream().filter(s -> s.id().equals("missed-bin")).findFirst().orElseThrow();
        for (String unit : UNITS) {
            catalog.putUnit(new Unit(unit, "Unit " + unit, null));
            for (String service : SERVICES) {
                catalog.putService(new Service(serviceId(unit, service), "Service " + serviceId(unit, service), bins.theme(),
                        unit, bins.description(), bins.whatHappensNext(), bins.timeframe(), null, bins.responseDays(),
                        bins.resolutionDays(), List.of(), 99, List.of()));
            }
        }
    }

    /**
     * The requests still open are submitted for real, each at its own moment, so they stand in their unit's queue
     * as any request does; the submission is not given the figures, which {@link #record} counts for every request.
     */
    private static void submitStillOpen(DynamoDbClient dynamo, Raw r) {
        SubmitRequestService submissions = RequestWiring.of(dynamo, "RequestsTable", "CatalogTable", "OutboxTable",
                Clock.fixed(r.submittedAt(), ZoneOffset.UTC), TestStack.get().baseUrl()).submissions();
        submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(Map.of("serviceId", r.service(), "answers", Map.of(),
                "location", Map.of("address", "1 Recon Street, Melaleuca WA 6999"),
                "description", "Still open at the end of the quarter.", "preferredChannel", "none"))), Optional.empty());
    }

    private static void record(DynamoDbClient dynamo, Raw r) {
        if (r.resolved() == null) {
            submitStillOpen(dynamo, r);
        }
        store.record(r.unit(), r.service(), r.submitted(), new FiguresStore.Received(r.channel()));
        store.record(r.unit(), r.service(), r.responded(), new FiguresStore.Responded(r.responseMinutes(), r.respondedInTime()));
        if (!r.respondedInTime()) {
            store.record(r.unit(), r.service(), r.responded(), new FiguresStore.ResponseBreached());
        }
        if (r.resolved() != null) {
            store.record(r.unit(), r.service(), r.resolved(),
                    new FiguresStore.Resolved(r.resolutionMinutes(), r.resolvedInTime(), r.firstContact()));
            if (!r.resolvedInTime()) {
                store.record(r.unit(), r.service(), r.resolved(), new FiguresStore.ResolutionBreached());
            }
            if (r.satisfied() != null) {
                new DynamoTransactions(dynamo).commit(List.of(surveys.answer(r.unit(), r.service(), r.resolved(),
                        new SurveyAnswer(r.satisfied(), r.recommend(), null), false)));
            }
        }
    }

    private static List<Raw> where(String unit, String service, Predicate<Raw> happened) {
        return requests.stream().filter(r -> r.unit().equals(unit) && r.service().equals(service)).filter(happened).toList();
    }

    private static double exactQuantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.max(0, Math.ceil(q * sorted.length) - 1)];
    }

    @Test
    void countsReconcileExactlyAndPercentilesWithinTheStatedError() {
        FiguresStore.PeriodFigures rolledUp = store.periodFigures(UNITS, QUARTER.first(), QUARTER.last());
        assertTrue(rolledUp.itemsRead() <= UNITS.size() * SERVICES.size() * 92, "read more than unit × service × day items");
        for (String unit : UNITS) {
            for (String name : SERVICES) {
                String service = serviceId(unit, name);
                Figures figures = rolledUp.figures().get(new UnitService(unit, service));
                String where = unit + "/" + service;
                List<Raw> received = where(unit, service, r -> QUARTER.contains(r.submitted()));
                List<Raw> responded = where(unit, service, r -> QUARTER.contains(r.responded()));
                List<Raw> resolved = where(unit, service, r -> r.resolved() != null && QUARTER.contains(r.resolved()));
                assertEquals(received.size(), figures.received(), where);
                assertEquals(resolved.size(), figures.resolved(), where);
                assertEquals(responded.stream().filter(r -> !r.respondedInTime()).count()
                        + resolved.stream().filter(r -> !r.resolvedInTime()).count(), figures.breaches(), where);
                assertEquals((double) resolved.stream().filter(Raw::resolvedInTime).count() / resolved.size(),
                        figures.shareResolvedInTime(), 1e-12, where);
                assertEquals((double) responded.stream().filter(Raw::respondedInTime).count() / responded.size(),
                        figures.shareRespondedInTime(), 1e-12, where);
                assertEquals((double) resolved.stream().filter(Raw::firstContact).count() / resolved.size(),
                        figures.shareResolvedAtFirstContact(), 1e-12, where);
                Map<String, Long> channels = received.stream().collect(Collectors.groupingBy(Raw::channel, Collectors.counting()));
                channels.forEach((channel, n) -> assertEquals((double) n / received.size(), figures.channelMix().get(channel), 1e-12, where));
                for (double q : new double[]{0.5, 0.9}) {
                    double exact = exactQuantile(resolved.stream().map(Raw::resolutionMinutes).toList(), q) / 60;
                    double sketched = figures.resolutionHours(q);
                    assertTrue(Math.abs(sketched - exact) <= DurationSketch.RELATIVE_ERROR * exact + 1e-9,
                            where + " q" + q + ": " + sketched + " vs exact " + exact);
                }
            }
        }
    }

    @Test
    void theReportsBacklogAndSatisfactionReconcileWithTheRawRequestsAndAnswersInTheStoreAndTheMail() throws Exception {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        ServiceLevelReports reports = ServiceLevelReportsTest.reports(dynamo, Clock.fixed(RUN, ZoneOffset.UTC));
        ServiceLevelReports.Outcome outcome = reports.run(ReportPeriod.Kind.QUARTERLY, false);
        assertEquals("QUARTERLY-2022-07-01", outcome.periodKey());
        String stored = new ReportStore(dynamo, "FiguresTable").period(outcome.periodKey()).report().csv();
        Map<String, Map<String, String>> storedRows = rows(stored);

        CatalogStore catalog = new CatalogStore(dynamo, "CatalogTable");
        BusinessCalendar calendar = catalog.calendar(catalog.catalogue().council().calendarId()).orElseThrow();
        LocalDate runDay = LocalDate.ofInstant(RUN, PERTH);
        List<String> all = new ArrayList<>();
        for (String unit : UNITS) {
            List<String> unitServices = new ArrayList<>();
            for (String service : SERVICES) {
                String id = serviceId(unit, service);
                unitServices.add(id);
                assertLine(storedRows, "Service " + id, List.of(id), calendar, runDay);
            }
            unitServices.add(SatisfactionFiguresStore.COUNTER_SERVICE);
            assertLine(storedRows, ServiceLevelReports.COUNTER_NAME + " of " + unit, List.of(unit + "|counter"), calendar, runDay);
            assertLine(storedRows, "Unit " + unit, unitServices.stream().map(id -> unit + "|" + id).toList(), calendar, runDay);
        }

        Message mail = Mailbox.awaitMailTo(ADMIN, ThisReport::attached);
        assertEquals(stored, ThisReport.csv(mail), "the administrator's CSV is the stored report");
        assertTrue(mail.html().contains("Open requests by business days waited"), "with the backlog chart");

        // A request that arrives after the run changes nothing: a resend reports the backlog the first run kept.
        Raw late = requests.stream().filter(r -> r.resolved() == null && r.submittedAt().isBefore(RUN)).findFirst().orElseThrow();
        submitStillOpen(dynamo, late);
        ServiceLevelReports.Outcome resent = reports.run(ReportPeriod.Kind.QUARTERLY, true);
        long stillOpen = requests.stream().filter(r -> r.resolved() == null).count();
        assertTrue(outcome.itemsRead() - resent.itemsRead() >= stillOpen,
                "the first run read the open requests, the resend none: " + outcome + " then " + resent);
        assertEquals(stored, new ReportStore(dynamo, "FiguresTable").period(outcome.periodKey()).report().csv());
        Message again = Mailbox.awaitMailsTo(ADMIN, ThisReport::attached, 2).get(1);
        assertEquals(stored, ThisReport.csv(again), "the resend holds the same backlog");
    }

    /** The quarter's report in a mail: its CSV attachment. */
    private static final class ThisReport {
        static boolean attached(Message mail) {
            return mail.attachments().stream().anyMatch(a -> a.filename().equals(CSV_NAME));
        }

        static String csv(Message mail) {
            return new String(mail.attachments().stream().filter(a -> a.filename().equals(CSV_NAME)).findFirst()
                    .orElseThrow().content(), StandardCharsets.UTF_8);
        }
    }

    /**
     * One line of the report against the raw data: the requests open at the run (never resolved, arrived by then),
     * banded by business days waited, and the survey answers and counter taps of the quarter.
     * {@code keys} are service ids, or "unit|service" pairs for a line summing several.
     */
    private static void assertLine(Map<String, Map<String, String>> rows, String line, List<String> keys,
                                   BusinessCalendar calendar, LocalDate runDay) {
        Predicate<String> in = key -> keys.contains(key);
        List<Integer> ages = requests.stream()
                .filter(r -> in.test(r.service()) || in.test(r.unit() + "|" + r.service()))
                .filter(r -> r.resolved() == null && !r.submittedAt().isAfter(RUN))
                .map(r -> (int) r.submitted().plusDays(1).datesUntil(runDay.plusDays(1)).filter(calendar::isBusinessDay).count())
                .toList();
        List<int[]> answers = new ArrayList<>();
        requests.stream().filter(r -> in.test(r.service()) || in.test(r.unit() + "|" + r.service()))
                .filter(r -> r.satisfied() != null && r.resolved() != null && QUARTER.contains(r.resolved()))
                .forEach(r -> answers.add(new int[]{r.satisfied(), r.recommend() == null ? -1 : r.recommend()}));
        taps.stream().filter(t -> in.test(t.unit() + "|counter") && QUARTER.contains(t.day()))
                .forEach(t -> answers.add(new int[]{t.satisfied(), t.recommend() == null ? -1 : t.recommend()}));

        Map<String, String> row = rows.get(line);
        assertNotNull(row, line + " in " + rows.keySet());
        assertEquals(Long.toString(ages.size()), row.get("open"), line);
        assertEquals(Long.toString(ages.stream().filter(a -> a < 5).count()), row.get("open_under_5_business_days"), line);
        assertEquals(Long.toString(ages.stream().filter(a -> a >= 5 && a <= 20).count()), row.get("open_5_to_20_business_days"), line);
        assertEquals(Long.toString(ages.stream().filter(a -> a > 20).count()), row.get("open_over_20_business_days"), line);
        assertEquals(ages.stream().max(Integer::compare).map(Object::toString).orElse(""), row.get("oldest_open_business_days"), line);

        long recommended = answers.stream().filter(a -> a[1] >= 0).count();
        assertEquals(Long.toString(answers.size()), row.get("survey_answers"), line);
        assertEquals(answers.isEmpty() ? "" : ReportCsv.percent((double) answers.stream().filter(a -> a[0] >= 4).count() / answers.size()),
                row.get("satisfaction_pct"), line);
        double nps = 100.0 * (answers.stream().filter(a -> a[1] >= 9).count()
                - answers.stream().filter(a -> a[1] >= 0 && a[1] <= 6).count()) / recommended;
        assertEquals(recommended == 0 ? "" : ReportCsv.number(nps), row.get("nps"), line);
    }

    /** The report's CSV as rows by "unit" or "service" name (a unit's total by the unit's name), column → value. */
    private static Map<String, Map<String, String>> rows(String csv) {
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        Map<String, Map<String, String>> rows = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            String service = row.get("service");
            String name = service.isEmpty() ? row.get("unit")
                    : service.equals(ServiceLevelReports.COUNTER_NAME) ? service + " of " + row.get("unit").substring("Unit ".length())
                    : service;
            rows.put(name, row);
        }
        return rows;
    }
}

package io.civicdesk.reports;

import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roll-up from per-day figures against the same figures computed straight from the raw requests of a
 * generated data set: counts exactly equal, percentiles within the sketch's stated error.
 */
class RollUpReconciliationTest {
    private static final List<String> UNITS = List.of("recon-waste", "recon-roads", "recon-parks");
    private static final List<String> SERVICES = List.of("missed-bin", "pothole", "graffiti", "street-light");
    private static final List<String> CHANNELS = List.of("online", "phone", "counter", "email");
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 8, 15));

    /** A request as the generator made it: when things happened, in council days, and how long they took. */
    record Raw(String unit, String service, String channel, LocalDate submitted, LocalDate responded, double responseMinutes,
               boolean respondedInTime, LocalDate resolved, double resolutionMinutes, boolean resolvedInTime,
               boolean firstContact, Integer satisfied, Integer recommend) {
    }

    private static List<Raw> requests;
    private static FiguresStore store;

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
            requests.add(new Raw(UNITS.get(random.nextInt(UNITS.size())), SERVICES.get(random.nextInt(SERVICES.size())),
                    CHANNELS.get(random.nextInt(CHANNELS.size())), submitted,
                    submitted.plusDays((long) (response / 450)), response, response <= 480,
                    resolvedAtAll ? submitted.plusDays((long) (resolution / 450)) : null, resolution, resolution <= 4800,
                    random.nextInt(8) == 0, random.nextInt(3) == 0 ? 1 + random.nextInt(5) : null,
                    random.nextInt(3) == 0 ? random.nextInt(11) : null));
        }
        store = new FiguresStore(TestStack.get().dynamoDb(), "FiguresTable");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (Raw r : requests) {
                // Concurrent ADDs to the same day items: none may be lost.
                writes.add(pool.submit(() -> record(r)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void record(Raw r) {
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
            if (r.satisfied() != null || r.recommend() != null) {
                store.record(r.unit(), r.service(), r.resolved(), new FiguresStore.Surveyed(r.satisfied(), r.recommend()));
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
            for (String service : SERVICES) {
                Figures figures = rolledUp.figures().get(new ServiceLevelReport.Key(unit, service));
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
                List<Raw> surveyed = resolved.stream().filter(r -> r.satisfied() != null).toList();
                if (!surveyed.isEmpty()) {
                    assertEquals((double) surveyed.stream().filter(r -> r.satisfied() >= 4).count() / surveyed.size(),
                            figures.satisfaction(), 1e-12, where);
                }
                List<Raw> recommended = resolved.stream().filter(r -> r.recommend() != null).toList();
                if (!recommended.isEmpty()) {
                    double promoters = recommended.stream().filter(r -> r.recommend() >= 9).count();
                    double detractors = recommended.stream().filter(r -> r.recommend() <= 6).count();
                    assertEquals(100 * (promoters - detractors) / recommended.size(), figures.netPromoterScore(), 1e-9, where);
                }
                for (double q : new double[]{0.5, 0.9}) {
                    double exact = exactQuantile(resolved.stream().map(Raw::resolutionMinutes).toList(), q) / 60;
                    double sketched = figures.resolutionHours(q);
                    assertTrue(Math.abs(sketched - exact) <= DurationSketch.RELATIVE_ERROR * exact + 1e-9,
                            where + " q" + q + ": " + sketched + " vs exact " + exact);
                }
            }
        }
    }
}

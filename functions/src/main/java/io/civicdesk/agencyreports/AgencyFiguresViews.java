package io.civicdesk.agencyreports;

import io.civicdesk.figures.Figures;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;

import java.util.List;
import java.util.Map;

/** The staff page's JSON for benchmarking and an agency's stored reports (never their CSV: that goes by mail). */
public final class AgencyFiguresViews {
    private AgencyFiguresViews() {
    }

    /** Shares 0–1 and business hours, null when nothing was counted. */
    public record RowView(String id, String name, long received, long resolved, Double responseInTarget,
                          Double resolutionInTarget, Double p50ResponseHours, Double p90ResponseHours,
                          Double p50ResolutionHours, Double p90ResolutionHours, long breaches, Long open) {
    }

    public record Named(String id, String name) {
    }

    public record BenchmarkView(String kind, String periodKey, String first, String last, boolean complete,
                                String serviceId, List<RowView> agencies, List<RowView> units, List<Named> services,
                                int itemsRead) {
    }

    public record StoredView(String periodKey, String kind, String first, String last, int agreementVersion,
                             long received, long open, Double responseInTarget, Double resolutionInTarget,
                             Long chargedCents, String madeAt) {
    }

    public static BenchmarkView of(AgencyBenchmarks.Benchmark benchmark) {
        return new BenchmarkView(benchmark.period().kind().name().toLowerCase(java.util.Locale.ROOT),
                benchmark.period().key(), benchmark.period().first().toString(), benchmark.period().last().toString(),
                benchmark.complete(), benchmark.serviceId(), rows(benchmark.agencies()), rows(benchmark.units()),
                benchmark.services().stream().map(s -> new Named(s.id(), s.name())).toList(), benchmark.itemsRead());
    }

    private static List<RowView> rows(List<AgencyBenchmarks.Row> rows) {
        return rows.stream().map(row -> {
            Figures f = row.figures();
            return new RowView(row.id(), row.name(), f.received(), f.resolved(), f.shareRespondedInTime(),
                    f.shareResolvedInTime(), f.responseHours(0.5), f.responseHours(0.9), f.resolutionHours(0.5),
                    f.resolutionHours(0.9), f.breaches(), row.open());
        }).toList();
    }

    public static Map<String, List<StoredView>> of(List<AgencyReportStore.Stored> stored) {
        return Map.of("reports", stored.stream().map(r -> new StoredView(r.period().key(),
                r.period().kind().name().toLowerCase(java.util.Locale.ROOT), r.period().first().toString(),
                r.period().last().toString(), r.agreementVersion(), r.received(), r.open(), r.responseInTime(),
                r.resolutionInTime(), r.chargedCents(), r.madeAt().toString())).toList());
    }

    static Idempotency.Answer resent(String periodKey, int mailed) {
        return new Idempotency.Answer(200, Json.write(Map.of("periodKey", periodKey, "mailed", mailed)));
    }
}

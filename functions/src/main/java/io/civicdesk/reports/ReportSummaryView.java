package io.civicdesk.reports;

import io.civicdesk.platform.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report's headline figures as stored beside its CSV (JSON), written by the roll-up and read by the history. */
final class ReportSummaryView {
    private ReportSummaryView() {
    }

    /**
     * The headline figures per unit, per service and across all, as JSON, for the dashboard's history without
     * the CSV (the dashboard filters and charts by unit and by service).
     */
    static String write(ServiceLevelReport report) {
        List<Map<String, Object>> units = new ArrayList<>();
        report.units().forEach(line -> units.add(line(line)));
        List<Map<String, Object>> services = new ArrayList<>();
        report.services().forEach(line -> services.add(line(line)));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", report.period().kind().name());
        summary.put("first", report.period().first().toString());
        summary.put("last", report.period().last().toString());
        summary.put("units", units);
        summary.put("services", services);
        summary.put("allUnits", line(report.allUnits()));
        summary.put("referrals", report.referrals());
        return Json.write(summary);
    }

    private static Map<String, Object> line(ServiceLevelReport.Line line) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (line.unitId() != null) {
            figures.put("unitId", line.unitId());
        }
        figures.put("unitName", line.unitName());
        if (line.serviceId() != null) {
            figures.put("serviceId", line.serviceId());
            figures.put("serviceName", line.serviceName());
        }
        figures.put("received", line.current().received());
        figures.put("receivedPrevious", line.previous().received());
        figures.put("resolved", line.current().resolved());
        figures.put("breaches", line.current().breaches());
        figures.put("respondedInTime", line.current().shareRespondedInTime());
        figures.put("resolvedInTime", line.current().shareResolvedInTime());
        figures.put("open", line.backlog().open());
        figures.put("openOverTwentyDays", line.backlog().overTwentyDays());
        figures.put("oldestOpenDays", line.backlog().oldestDays());
        figures.put("surveyAnswers", line.current().surveyAnswers());
        figures.put("satisfaction", line.current().satisfaction());
        figures.put("netPromoterScore", line.current().netPromoterScore());
        return figures;
    }

    /** A summary's lines, each as the map of figures it was written from; a line per pair of units referring. */
    record Lines(List<Map<String, Object>> units, List<Map<String, Object>> services, Map<String, Object> allUnits,
                 List<Map<String, Object>> referrals) {
    }

    @SuppressWarnings("unchecked")
    static Lines read(String json) {
        try {
            Map<String, Object> summary = Json.MAPPER.readValue(json, Map.class);
            return new Lines((List<Map<String, Object>>) summary.getOrDefault("units", List.of()),
                    (List<Map<String, Object>>) summary.getOrDefault("services", List.of()),
                    (Map<String, Object>) summary.get("allUnits"),
                    (List<Map<String, Object>>) summary.getOrDefault("referrals", List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

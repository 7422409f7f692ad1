package io.civicdesk.testing;

import io.civicdesk.platform.Metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Metrics kept in memory, for a test to read what the code counted. */
public final class RecordingMetrics implements Metrics {
    private final Map<String, Integer> totals = new ConcurrentHashMap<>();

    @Override
    public void count(Metric metric, String id, int count) {
        totals.merge(metric.metricName() + "/" + id, count, Integer::sum);
    }

    /** What was counted for the metric under that id, 0 if nothing. */
    public int total(Metric metric, String id) {
        return totals.getOrDefault(metric.metricName() + "/" + id, 0);
    }
}

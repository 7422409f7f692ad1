package io.civicdesk.figures;

import java.util.Map;
import java.util.TreeMap;

/**
 * A mergeable summary of durations (in business minutes) that answers percentiles within a stated relative
 * error: the DDSketch idea. Values fall into buckets whose bounds grow by a factor γ = (1 + α) / (1 − α), so
 * every estimate is within α of the true value. With α = 1 %, a year of minutes needs under 700 buckets, and a
 * day's, unit's and service's sketch is a few dozen — small enough to keep per day and merge per quarter.
 * Zero (answered within the same minute) has its own count.
 */
public final class DurationSketch {
    /** The relative error of every percentile this sketch gives. */
    public static final double RELATIVE_ERROR = 0.01;
    private static final double GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    private final TreeMap<Integer, Long> buckets;
    private long zeros;
    private long count;

    public DurationSketch() {
        this(Map.of(), 0);
    }

    /** Rebuilds a sketch from its stored buckets. */
    public DurationSketch(Map<Integer, Long> buckets, long zeros) {
        this.buckets = new TreeMap<>(buckets);
        this.zeros = zeros;
        this.count = zeros + buckets.values().stream().mapToLong(Long::longValue).sum();
    }

    public void add(double minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("A duration cannot be negative");
        }
        count++;
        if (isZero(minutes)) {
            zeros++;
            return;
        }
        buckets.merge(bucket(minutes), 1L, Long::sum);
    }

    /** Within the same minute as far as a clock is concerned: counted apart, as no bucket holds zero. */
    static boolean isZero(double minutes) {
        return minutes < 1e-9;
    }

    /** The bucket a (non-zero) duration falls in; stores keep sketches as counts per bucket. */
    static int bucket(double minutes) {
        return (int) Math.ceil(Math.log(minutes) / LOG_GAMMA);
    }

    public void merge(DurationSketch other) {
        other.buckets.forEach((bucket, n) -> buckets.merge(bucket, n, Long::sum));
        zeros += other.zeros;
        count += other.count;
    }

    public long count() {
        return count;
    }

    /** The q-th quantile (0.5 the median, 0.9 the 90th percentile), or NaN with nothing recorded. */
    public double quantile(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be between 0 and 1");
        }
        if (count == 0) {
            return Double.NaN;
        }
        // The rank of the value asked for, as "nearest rank": the smallest value with at least q of all at or below.
        long rank = Math.max(1, (long) Math.ceil(q * count));
        if (rank <= zeros) {
            return 0;
        }
        long seen = zeros;
        for (Map.Entry<Integer, Long> bucket : buckets.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                // The middle of the bucket (in the sense that minimises relative error): 2γ^i / (γ + 1).
                return 2 * Math.pow(GAMMA, bucket.getKey()) / (GAMMA + 1);
            }
        }
        throw new IllegalStateException("Rank beyond the count");
    }

    public Map<Integer, Long> buckets() {
        return Map.copyOf(buckets);
    }

    public long zeros() {
        return zeros;
    }
}

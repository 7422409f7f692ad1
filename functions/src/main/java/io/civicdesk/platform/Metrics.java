package io.civicdesk.platform;

/**
 * What a council's operators watch, counted. Each metric has one dimension, named here, whose value is an id the
 * code chose (a service, a unit, a facility, a mail's purpose, a report's kind), never anything a person typed.
 * Deployed, {@link PowertoolsMetrics} writes them as CloudWatch metrics; domain code sees only this.
 */
public interface Metrics {
    /** Counts nothing: for what runs outside a function (demo data) and tests that do not look. */
    Metrics NONE = (metric, id, count) -> {
    };

    enum Metric {
        /** A request stored, by a resident online or by staff for a caller. */
        REQUESTS_SUBMITTED("RequestsSubmitted", "ServiceId"),
        /** A target (response or resolution) a request missed, found by the warnings run (supervisors told). */
        TARGETS_MISSED("TargetsMissed", "UnitId"),
        /** A send that failed; the mail is tried again, or given up. */
        MAILS_FAILED("MailsFailed", "Purpose"),
        /** A mail given up: rejected for good, or still failing after three days. */
        MAILS_DEAD("MailsDead", "Purpose"),
        /** A booking refused (409) because its time was already taken. */
        BOOKING_CONFLICTS("BookingConflicts", "FacilityId"),
        /** A service-level report run, scheduled or "run now". */
        REPORT_RUNS("ReportRuns", "Kind");

        private final String metricName;
        private final String dimension;

        Metric(String metricName, String dimension) {
            this.metricName = metricName;
            this.dimension = dimension;
        }

        public String metricName() {
            return metricName;
        }

        public String dimension() {
            return dimension;
        }
    }

    /** Adds {@code count} to the metric, under the id its dimension names. */
    void count(Metric metric, String id, int count);

    default void count(Metric metric, String id) {
        count(metric, id, 1);
    }
}

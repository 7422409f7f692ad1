package io.civicdesk.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;

/**
 * Metrics as CloudWatch embedded metric format (EMF): Powertools writes each count as one JSON line on standard
 * output, which CloudWatch Logs turns into a metric. A count is published twice, by {@code Service} alone (what
 * the alarms and the dashboard's totals read) and by {@code Service} and the metric's own dimension.
 */
public final class PowertoolsMetrics implements Metrics {
    private static final String SERVICE = "Service";

    static {
        // Lambda and the local stack both read standard output. Left to discover its environment, the EMF library
        // would probe EC2 and ECS metadata endpoints wherever AWS_LAMBDA_FUNCTION_NAME is unset (locally).
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
    }

    private final software.amazon.lambda.powertools.metrics.Metrics emf;
    private final String service;

    /**
     * Namespace and service from the configuration (POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_SERVICE_NAME):
     * Powertools reads only environment variables, and the local stack sets system properties.
     */
    public static PowertoolsMetrics fromConfig() {
        return new PowertoolsMetrics(Config.require("POWERTOOLS_METRICS_NAMESPACE"), Config.require("POWERTOOLS_SERVICE_NAME"));
    }

    PowertoolsMetrics(String namespace, String service) {
        // An instance of its own rather than Powertools' singleton, which keeps a context per X-Ray trace until
        // flushed: every count here is flushed as it is made.
        this.emf = new EmfMetricsProvider().getMetricsInstance();
        this.service = service;
        emf.setNamespace(namespace);
        emf.setDefaultDimensions(DimensionSet.of(SERVICE, service));
        // Serialising a document here (never written) loads EMF's JSON writer while the container initialises,
        // inside SnapStart's snapshot, rather than in the first request that counts something (about 100 ms).
        try {
            MetricsContext warm = new MetricsContext();
            warm.putMetric("Primed", 0);
            warm.serialize();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EMF cannot write its JSON", e);
        }
    }

    @Override
    public void count(Metric metric, String id, int count) {
        // One document per count: counts in one invocation differ in their dimension's value (a unit, a purpose).
        emf.flushMetrics(document -> {
            document.addDimension(DimensionSet.of(SERVICE, service, metric.dimension(), id));
            document.addMetric(metric.metricName(), count, MetricUnit.COUNT);
        });
    }
}

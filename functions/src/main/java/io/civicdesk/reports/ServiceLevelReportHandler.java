package io.civicdesk.reports;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.EventHandler;

/**
 * The roll-up schedules: {@code {"kind":"weekly"}} (Monday morning), {@code "monthly"} and {@code "quarterly"}
 * (the first of the month), each passing its kind as the schedule's Input; {@code "resend": true} mails again.
 */
public final class ServiceLevelReportHandler extends EventHandler {
    private final ServiceLevelReports reports;

    public ServiceLevelReportHandler() {
        this(ReportsWiring.serviceLevelReports(AwsClients.dynamoDb(), Clocks.fromConfig()));
    }

    public ServiceLevelReportHandler(ServiceLevelReports reports) {
        this.reports = reports;
    }

    @Override
    protected ServiceLevelReports.Outcome handle(JsonNode event) {
        ReportRunReader.Run run = ReportRunReader.fromSchedule(event);
        return reports.run(run.kind(), run.resend());
    }
}

package io.civicdesk.agencyreports;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.EventHandler;
import io.civicdesk.reports.ReportRunReader;

/**
 * The agency report schedules ({@code AgencyReportFunction}): {@code {"kind":"weekly"}} (Monday morning),
 * {@code "monthly"} and {@code "quarterly"} (the first of the month), each reporting the agencies whose agreement is
 * reported that often.
 */
public final class AgencyReportHandler extends EventHandler {
    private final AgencyReports reports;

    public AgencyReportHandler() {
        this(AgencyReportsWiring.agencyReports(AwsClients.dynamoDb(), Clocks.fromConfig()));
    }

    public AgencyReportHandler(AgencyReports reports) {
        this.reports = reports;
    }

    @Override
    protected AgencyReports.Outcome handle(JsonNode event) {
        return reports.run(ReportRunReader.fromSchedule(event).kind());
    }
}

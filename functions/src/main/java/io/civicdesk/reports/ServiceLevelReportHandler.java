package io.civicdesk.reports;

import io.civicdesk.figures.FiguresStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.EventHandler;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.requests.QueueStore;
import io.civicdesk.directory.StaffDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The roll-up schedules: {@code {"kind":"weekly"}} (Monday morning), {@code "monthly"} and {@code "quarterly"}
 * (the first of the month), each passing its kind as the schedule's Input; {@code "resend": true} mails again.
 */
public final class ServiceLevelReportHandler extends EventHandler {
    private final ServiceLevelReports reports;

    public ServiceLevelReportHandler() {
        this(wire(AwsClients.dynamoDb(), Clocks.fromConfig()));
    }

    public ServiceLevelReportHandler(ServiceLevelReports reports) {
        this.reports = reports;
    }

    /** The roll-up over the tables the environment names. */
    public static ServiceLevelReports wire(DynamoDbClient dynamo, Clock clock) {
        String catalogTable = Config.require("CATALOG_TABLE");
        FiguresStore figures = new FiguresStore(dynamo, Config.require("FIGURES_TABLE"));
        OutboxStore outbox = new OutboxStore(dynamo, Config.require("OUTBOX_TABLE"));
        return new ServiceLevelReports(dynamo, new CatalogStore(dynamo, catalogTable), new AccountStore(dynamo, catalogTable),
                new StaffDirectory(dynamo, catalogTable), figures,
                new SatisfactionFiguresStore(dynamo, Config.require("FEEDBACK_TABLE")),
                new Backlogs(new QueueStore(dynamo, Config.require("REQUESTS_TABLE")), figures),
                new ReportStore(dynamo, Config.require("FIGURES_TABLE")), outbox, clock, PowertoolsMetrics.fromConfig());
    }

    /** The kind named in an event or a request body, e.g. {@code "weekly"}; null when it names none we make. */
    static ReportPeriod.Kind kind(JsonNode body) {
        return ReportPeriod.Kind.named(body.path("kind").asText("")).orElse(null);
    }

    @Override
    protected ServiceLevelReports.Outcome handle(JsonNode event) {
        ReportPeriod.Kind kind = kind(event);
        if (kind == null) {
            throw new IllegalArgumentException("The schedule's Input names no report kind (weekly, monthly or quarterly)");
        }
        return reports.run(kind, event.path("resend").asBoolean(false));
    }
}

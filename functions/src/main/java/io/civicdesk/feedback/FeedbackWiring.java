package io.civicdesk.feedback;

import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.IdempotencyStore;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.requests.RequestStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The one place the feedback functions (and the survey invitations other capabilities send) are put together
 * from their configuration, once per container. Each function has only the tables it uses, so each part reads
 * its own settings when it is asked for: the survey and counter functions have no outbox and no portal URL.
 */
public final class FeedbackWiring {
    private final DynamoDbClient dynamo;
    private final String table;
    private final CatalogStore catalog;
    private final CouncilCalendar council;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public FeedbackWiring(DynamoDbClient dynamo) {
        this(dynamo, Clocks.fromConfig());
    }

    public FeedbackWiring(DynamoDbClient dynamo, Clock clock) {
        this.dynamo = dynamo;
        this.table = Config.require("FEEDBACK_TABLE");
        this.catalog = new CatalogStore(dynamo, Config.require("CATALOG_TABLE"));
        this.council = CouncilCalendar.cached(catalog, clock);
        this.clock = clock;
    }

    FeedbackService feedback() {
        RequestStore requests = new RequestStore(dynamo, Config.require("REQUESTS_TABLE"));
        return new FeedbackService(FeedbackSubjects.of(catalog, requests, new StaffDirectory(dynamo, Config.require("CATALOG_TABLE"))),
                complaintStore(), new FeedbackStore(table), outbox(), command(), ComplaintTargets.fromConfig(), council, random,
                portalUrl());
    }

    public ComplaintService complaints() {
        return new ComplaintService(complaintStore(), outbox(), new DynamoTransactions(dynamo), ComplaintTargets.fromConfig(),
                council, clock, random, portalUrl(), StaffReadAudit.installed(Config.require("CATALOG_TABLE"), clock));
    }

    ReviewPanelService panel() {
        return new ReviewPanelService(complaintStore(), surveyStore(), catalog::unit, ComplaintTargets.fromConfig(), council, clock);
    }

    CounterTablets tablets() {
        return new CounterTablets(new CounterDeviceStore(dynamo, table), portalUrl(), clock, random);
    }

    SurveyService surveys() {
        return new SurveyService(surveyStore(), figures(), command(), council);
    }

    CounterService counter() {
        return new CounterService(new CounterDeviceStore(dynamo, table), surveyStore(), figures(), command(), council);
    }

    /** What resolving a request or a booking having taken place adds to its transaction: the survey after service. */
    public SurveyInvitations invitations() {
        return new SurveyInvitations(surveyStore(), figures(), outbox(), council, random, portalUrl());
    }

    private IdempotentCommand command() {
        return new IdempotentCommand(new IdempotencyStore(dynamo, table), new DynamoTransactions(dynamo), clock);
    }

    private ComplaintStore complaintStore() {
        return new ComplaintStore(dynamo, table);
    }

    private SurveyStore surveyStore() {
        return new SurveyStore(dynamo, table);
    }

    private SatisfactionFiguresStore figures() {
        return new SatisfactionFiguresStore(dynamo, table);
    }

    private OutboxStore outbox() {
        return new OutboxStore(dynamo, Config.require("OUTBOX_TABLE"));
    }

    private String portalUrl() {
        return Config.require("PORTAL_URL");
    }
}

package io.civicdesk.requests;

import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.catalog.ReferralTargetStore;
import io.civicdesk.catalog.Units;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.IdempotencyStore;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Metrics;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.platform.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The request functions' stores and services, built from their tables: once per container by a handler's
 * no-arg constructor ({@link #fromConfig}), or by a test, the demo or a benchmark with tables of its own.
 *
 * @param figures {@link RequestFigures#NONE} where no figures are kept
 */
public record RequestWiring(DynamoDbClient dynamo, String requestsTable, String catalogTable, String outboxTable,
                            RequestFigures figures, Metrics metrics, Clock clock, String portalUrl) {

    /** The deployed wiring: the tables, clock and portal of the function's environment. */
    public static RequestWiring fromConfig() {
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        // Each function is given only the tables it uses (tracking has no catalogue, outbox or figures), so only the
        // requests table is required here; the others are read by the parts that use them.
        String figuresTable = Config.optional("FIGURES_TABLE");
        return new RequestWiring(dynamo, Config.require("REQUESTS_TABLE"), Config.optional("CATALOG_TABLE"),
                Config.optional("OUTBOX_TABLE"),
                figuresTable == null ? RequestFigures.NONE : new RequestFigures(new FiguresStore(dynamo, figuresTable)),
                PowertoolsMetrics.fromConfig(), Clocks.fromConfig(), Config.optional("PORTAL_URL"));
    }

    /** Without figures or metrics: for tests, the demo and benchmarks of something else. */
    public static RequestWiring of(DynamoDbClient dynamo, String requestsTable, String catalogTable, String outboxTable,
                                   Clock clock, String portalUrl) {
        return new RequestWiring(dynamo, requestsTable, catalogTable, outboxTable, RequestFigures.NONE, Metrics.NONE,
                clock, portalUrl);
    }

    public RequestStore requests() {
        return new RequestStore(dynamo, requestsTable);
    }

    public ReferralInboxStore referralInbox() {
        return new ReferralInboxStore(dynamo, requestsTable);
    }

    public QueueStore queues() {
        return new QueueStore(dynamo, requestsTable);
    }

    public LookupStore lookup() {
        return new LookupStore(dynamo, requestsTable);
    }

    public AlertStore alerts() {
        return new AlertStore(dynamo, requestsTable);
    }

    public CatalogStore catalog() {
        return new CatalogStore(dynamo, configured(catalogTable, "CATALOG_TABLE"));
    }

    public StaffDirectory directory() {
        return new StaffDirectory(dynamo, configured(catalogTable, "CATALOG_TABLE"));
    }

    public OutboxStore outbox() {
        return new OutboxStore(dynamo, configured(outboxTable, "OUTBOX_TABLE"));
    }

    public Transactions transactions() {
        return new DynamoTransactions(dynamo);
    }

    public SubmitRequestService submissions() {
        return submissions(new SecureRandom());
    }

    /** Submissions drawing references and secrets from {@code random}. */
    public SubmitRequestService submissions(SecureRandom random) {
        return new SubmitRequestService(Catalogue.of(catalog()), requests(), outbox(), figures,
                new IdempotentCommand(new IdempotencyStore(dynamo, requestsTable), transactions(), clock),
                clock, random, configured(portalUrl, "PORTAL_URL"), metrics, new FeeHoldStore(dynamo, requestsTable),
                agreedTargets());
    }

    /** Requests of the services paid online, as the payments' reconciliation and refunds read them. */
    public PaidServiceRequests paidServiceRequests() {
        return new PaidServiceRequests(catalog(), new SubmittedStore(dynamo, requestsTable), requests());
    }

    /** The client agencies' agreements, as they take part in choosing a request's targets. */
    public AgreedTargets agreedTargets() {
        return new AgreedTargets(new AgencyStore(dynamo, configured(catalogTable, "CATALOG_TABLE")), clock);
    }

    public RequestActions actions() {
        return actions(RequestActions.OnResolved.NOTHING);
    }

    /** Request handling, with what other capabilities write when a request is resolved. */
    public RequestActions actions(RequestActions.OnResolved onResolved) {
        return new RequestActions(requests(), new WorkflowStore(dynamo, configured(catalogTable, "CATALOG_TABLE")), directory(),
                new Units(catalog(), clock), transactions(), outbox(), figures, onResolved, clock, configured(portalUrl, "PORTAL_URL"),
                StaffReadAudit.installed(configured(catalogTable, "CATALOG_TABLE"), clock), new IdempotencyStore(dynamo, requestsTable),
                agreedTargets(), new ReferralTargetStore(dynamo, configured(catalogTable, "CATALOG_TABLE"))::get, requestsTable);
    }

    /**
     * The resident's replies, more information and "not fixed" from their private link, and following by email:
     * one catalogue (kept five minutes) for both.
     */
    public ResidentConversation conversation(NotFixedWindow window) {
        Units units = new Units(catalog(), clock);
        ResidentChanges changes = residentChanges();
        return new ResidentConversation(new ResidentReplies(changes, new WorkflowStore(dynamo, configured(catalogTable,
                "CATALOG_TABLE")), units, directory(), window, configured(portalUrl, "PORTAL_URL")),
                new Following(changes, new Changes(new Timing(units.serviceLevels(), AgreedTargets.NONE), units,
                        () -> java.util.UUID.randomUUID().toString(), configured(portalUrl, "PORTAL_URL")), units));
    }

    private ResidentChanges residentChanges() {
        return new ResidentChanges(requests(), new ChangeWrites(requests(), outbox(), figures, RequestActions.OnResolved.NOTHING),
                new IdempotentCommand(new IdempotencyStore(dynamo, requestsTable), transactions(), clock), outbox());
    }

    /** A setting this function was not given fails when a part that needs it is built, naming it, not deep in a call. */
    private static String configured(String value, String name) {
        if (value == null) {
            throw new IllegalStateException("Missing configuration " + name);
        }
        return value;
    }
}

package io.civicdesk.reports;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.directory.InMemoryDirectory;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.figures.SatisfactionFiguresStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.InMemoryTransactions;
import io.civicdesk.platform.Metrics;
import io.civicdesk.requests.QueueStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator's "run now" of a roll-up: what is refused before any figures are read. */
class ServiceLevelReportRunHandlerTest {
    private static final String RUN = "POST /staff/reports/run";

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    // A refused run reads no figures, backlog or stored report, so those stores have no table behind them.
    private final FiguresStore figures = new FiguresStore(null, "unused");
    private final ServiceLevelReportRunHandler handler = new ServiceLevelReportRunHandler(new ServiceLevelReports(transactions,
            InMemoryCatalog.twoUnits(), new InMemoryAccounts(), new InMemoryDirectory(), figures,
            new SatisfactionFiguresStore(null, "unused"), new Backlogs(new QueueStore(null, "unused"), figures),
            new ReportStore(null, "unused"), new OutboxStore(null, "unused"),
            Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneOffset.UTC), Metrics.NONE));

    @Test
    void aRunOfAnUnknownKindIs400NamingKindAndMailsNothing() {
        APIGatewayV2HTTPResponse wrong = call(handler, event(RUN, Map.of(), Map.of("kind", "daily"), "admin-1", "admin"));
        assertEquals(400, wrong.getStatusCode());
        assertTrue(names(wrong, "kind"), wrong.getBody());
        assertTrue(transactions.committed().isEmpty());
    }

    @Test
    void aResendThatIsNotTrueOrFalseIs400NamingResend() {
        APIGatewayV2HTTPResponse wrong = call(handler, event(RUN, Map.of(), Map.of("kind", "weekly", "resend", "yes"),
                "admin-1", "admin"));
        assertEquals(400, wrong.getStatusCode());
        assertTrue(names(wrong, "resend"), wrong.getBody());
    }

    @Test
    void anAccountManagerWhoIsNotAnAdministratorCannotRunAReport() {
        APIGatewayV2HTTPResponse refused = call(handler, event(RUN, Map.of(), Map.of("kind", "weekly"), "am-1",
                "account-manager"));
        assertEquals(403, refused.getStatusCode());
        assertTrue(transactions.committed().isEmpty());
    }

    @Test
    void aRunWithoutSigningInIs401() {
        assertEquals(401, call(handler, event(RUN, Map.of(), Map.of("kind", "weekly"), null)).getStatusCode());
    }
}

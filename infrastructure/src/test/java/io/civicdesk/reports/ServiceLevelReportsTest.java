package io.civicdesk.reports;

import io.civicdesk.figures.FiguresStore;
import io.civicdesk.local.Mailbox.Attachment;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A weekly roll-up over a known week (long past, so no other test's figures fall in it), run as the Monday
 * morning schedule would: Morgan Taylor gets her three units with the figures attached as CSV, the administrator
 * gets all units, a second run mails nobody, and a resend asked for mails again.
 */
class ServiceLevelReportsTest {
    private static final String MORGAN = "morgan.taylor@melaleuca.example";
    private static final String ADMIN = "chris.walker@melaleuca.example";
    /** Monday 8 March 2021, 08:00 in Perth: the week reported is 1–7 March, the previous one 22–28 February. */
    private static final Clock MONDAY_MORNING = Clock.fixed(Instant.parse("2021-03-08T00:00:00Z"), ZoneOffset.UTC);
    private static final String CSV_NAME = "service-levels-weekly-2021-03-01.csv";

    private static ServiceLevelReports reports;
    private static ReportStore store;

    @BeforeAll
    static void figuresOfLastWeek() {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        FiguresStore figures = new FiguresStore(dynamo, "FiguresTable");
        LocalDate tuesday = LocalDate.of(2021, 3, 2);
        for (int i = 0; i < 3; i++) {
            figures.record("waste", "missed-bin", tuesday, new FiguresStore.Received("online"));
        }
        figures.record("waste", "missed-bin", tuesday.plusDays(1), new FiguresStore.Resolved(120, true, false));
        figures.record("waste", "missed-bin", tuesday.plusDays(1), new FiguresStore.Resolved(900, false, false));
        figures.record("waste", "missed-bin", tuesday.plusDays(1), new FiguresStore.ResolutionBreached());
        figures.record("roads", "pothole", tuesday, new FiguresStore.Received("phone"));
        figures.record("parks", "graffiti", tuesday.plusDays(4), new FiguresStore.Received("counter"));
        figures.record("rangers", "barking-dog", tuesday, new FiguresStore.Received("online"));
        // The week before, for the change.
        figures.record("waste", "missed-bin", LocalDate.of(2021, 2, 24), new FiguresStore.Received("online"));
        // Outside both weeks: not counted.
        figures.record("waste", "missed-bin", LocalDate.of(2021, 3, 8), new FiguresStore.Received("online"));

        store = new ReportStore(dynamo, "FiguresTable");
        reports = reports(dynamo, MONDAY_MORNING);
    }

    /** The roll-up as its function wires it, over the test stack's tables, at a given moment. */
    static ServiceLevelReports reports(DynamoDbClient dynamo, Clock clock) {
        return ReportsWiring.serviceLevelReports(dynamo, clock);
    }

    private static final Predicate<Message> THIS_REPORT = mail -> mail.attachments().stream()
            .anyMatch(attachment -> attachment.filename().equals(CSV_NAME));

    private static String csv(Message mail) {
        Attachment attachment = mail.attachments().stream().filter(a -> a.filename().equals(CSV_NAME)).findFirst().orElseThrow();
        assertTrue(attachment.contentType().startsWith("text/csv"), attachment.contentType());
        return new String(attachment.content(), StandardCharsets.UTF_8);
    }

    private static List<String> rows(String csv) {
        return Arrays.asList(csv.split("\r\n"));
    }

    @Test
    void theWeeksReportIsStoredAndMailedOnceUnlessAResendIsAsked() throws InterruptedException {
        ServiceLevelReports.Outcome first = reports.run(ReportPeriod.Kind.WEEKLY, false);
        assertEquals("WEEKLY-2021-03-01", first.periodKey());
        assertTrue(first.stored());
        assertTrue(first.mailed() >= 2, "Morgan and the administrator: " + first);

        ReportStore.StoredReport stored = store.period("WEEKLY-2021-03-01").report();
        assertNotNull(stored);
        List<String> storedRows = rows(stored.csv());
        assertTrue(storedRows.stream().anyMatch(row -> row.contains(",Waste Services,Missed bin collection,3,1,200.0,2,")),
                stored.csv());
        assertTrue(stored.summary().contains("\"received\":6"), stored.summary());

        Message morgan = Mailbox.awaitMailTo(MORGAN, THIS_REPORT);
        assertTrue(morgan.html().contains("Waste Services"), "an HTML mail");
        assertTrue(morgan.text().contains("Roads and Drainage"), "with a text part");
        List<String> morgansRows = rows(csv(morgan));
        assertEquals(storedRows.get(0), morgansRows.get(0), "the same columns");
        List<String> serviceRows = morgansRows.subList(1, 4);
        assertTrue(storedRows.containsAll(serviceRows), "her units' rows are the stored report's: " + morgansRows);
        assertEquals(3 + 3 + 2, morgansRows.size(), "header, three services, three unit totals, her total: " + morgansRows);
        assertFalse(String.join("\n", morgansRows).contains("Ranger Services"), "only the units she looks after");

        Message executive = Mailbox.awaitMailTo(ADMIN, THIS_REPORT);
        assertEquals(stored.csv(), csv(executive), "the executive summary is the stored report, all units");
        assertTrue(executive.html().contains("Ranger Services"));

        ServiceLevelReports.Outcome again = reports.run(ReportPeriod.Kind.WEEKLY, false);
        assertFalse(again.stored());
        assertEquals(0, again.mailed());
        assertEquals(stored.csv(), store.period("WEEKLY-2021-03-01").report().csv(), "the same figures");
        Thread.sleep(2000);
        assertEquals(1, Mailbox.to(MORGAN).stream().filter(THIS_REPORT).count(), "no second mail");
        assertEquals(1, Mailbox.to(ADMIN).stream().filter(THIS_REPORT).count(), "no second mail");

        ServiceLevelReports.Outcome resent = reports.run(ReportPeriod.Kind.WEEKLY, true);
        assertEquals(first.mailed(), resent.mailed());
        awaitCount(MORGAN, 2);
        awaitCount(ADMIN, 2);
        assertEquals(stored.csv(), csv(Mailbox.to(ADMIN).stream().filter(THIS_REPORT).toList().get(1)), "the same figures again");
    }

    private static void awaitCount(String to, int count) throws InterruptedException {
        for (int i = 0; i < 75 && Mailbox.to(to).stream().filter(THIS_REPORT).count() < count; i++) {
            Thread.sleep(200);
        }
        assertEquals(count, Mailbox.to(to).stream().filter(THIS_REPORT).count());
    }
}

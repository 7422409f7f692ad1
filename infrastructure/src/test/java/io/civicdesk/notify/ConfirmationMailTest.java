package io.civicdesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Dates;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The confirmation mail, through the outbox and the mail sender to aws-ses-v2-local. */
@DependsOnTheDate
class ConfirmationMailTest {
    private static Api api;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void stack() {
        api = TestStack.api();
        dynamo = TestStack.get().dynamoDb();
    }

    private static JsonNode report(String email) {
        Api.Reply reply = api.post("/requests", Json.write(Reports.missedBin(email)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** The outbox item for a request's mail (a test may Scan; nobody waits on it). */
    private static Map<String, AttributeValue> outboxItemFor(String reference) {
        List<Map<String, AttributeValue>> items = dynamo.scan(scan -> scan.tableName("OutboxTable")
                .filterExpression("#reference = :reference")
                .expressionAttributeNames(Map.of("#reference", "reference"))
                .expressionAttributeValues(Map.of(":reference", AttributeValue.fromS(reference)))).items();
        assertEquals(1, items.size(), "one mail per request");
        return items.get(0);
    }

    /** SES has the mail a moment before the sender records it as sent: wait a little for the record. */
    private static String sentStatus(String reference) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String status = outboxItemFor(reference).get("status").s();
        while (!"sent".equals(status) && System.nanoTime() - deadline < 0) {
            sleep();
            status = outboxItemFor(reference).get("status").s();
        }
        return status;
    }

    @Test
    void theConfirmationArrivesWithTheReferenceTheLinkAndTheDates() {
        String email = "confirm+" + UUID.randomUUID() + "@example.com";
        JsonNode receipt = report(email);
        io.civicdesk.local.Mailbox.Message mail = Mailbox.awaitMailTo(email);
        String reference = receipt.path("displayReference").asText();
        assertTrue(mail.subject().contains(reference), mail.subject());
        String text = mail.text();
        assertTrue(text.contains("Your reference is " + reference), text);
        assertTrue(text.contains(receipt.path("privateLink").asText()), text);
        assertTrue(text.contains(Dates.spoken(LocalDate.parse(receipt.path("expected").path("resolution").asText()))), text);
        assertTrue(mail.html().contains(reference));
        assertEquals("sent", sentStatus(receipt.path("reference").asText()));
    }

    @Test
    void aMailOutageNeverFailsTheReportAndTheMailGoesOnceItIsBack() {
        var mailbox = TestStack.get().mailbox();
        String email = "outage+" + UUID.randomUUID() + "@example.com";
        String reference;
        mailbox.stop();
        try {
            reference = report(email).path("reference").asText();
            // The stream hands the new mail to the sender at once; the send fails and the mail waits to retry.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            Map<String, AttributeValue> waiting = outboxItemFor(reference);
            while (Integer.parseInt(waiting.get("attempts").n()) == 0 && System.nanoTime() - deadline < 0) {
                sleep();
                waiting = outboxItemFor(reference);
            }
            assertEquals("pending", waiting.get("status").s());
            assertTrue(Integer.parseInt(waiting.get("attempts").n()) >= 1, "the sender never tried");
            assertEquals("Unreachable", waiting.get("lastError").s());
        } finally {
            mailbox.start();
        }
        // The scheduled sweep, run as if its next minute had come.
        MailSender sweep = new MailSender(new OutboxStore(dynamo, "OutboxTable"),
                new SesMailer(AwsClients.sesV2(), "no-reply@melaleuca.example"), new SnsTexter(AwsClients.sns(), null, null),
                Clock.offset(TestStack.clock(), Duration.ofMinutes(2)), Metrics.NONE);
        sweep.sendDue();
        Mailbox.awaitMailTo(email);
        sweep.sendDue();
        assertEquals(1, Mailbox.to(email).size(), "the mail went more than once");
        assertEquals("sent", sentStatus(reference));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package io.civicdesk.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.notify.MailSender;
import io.civicdesk.notify.Mailer;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.notify.SnsTexter;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Metrics.Metric;
import io.civicdesk.platform.PowertoolsMetrics;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.StandardOutput;
import io.civicdesk.testing.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What operators watch reaches standard output as CloudWatch embedded metric format, through the real handlers
 * in the local stack: namespace CivicDesk, by Service (the stack) alone — what the alarms read — and by Service
 * and the metric's own dimension.
 */
class EmbeddedMetricsTest {
    private static final String SERVICE = "civicdesk-local";
    private final Api api = TestStack.api();

    @Test
    void aSubmissionABookingClashAndAReportRunAreCounted() throws Exception {
        LocalDate date = BookingFixtures.weekday("lakeside-bbq-shelter", DayOfWeek.TUESDAY, 5);
        String output = StandardOutput.during(() -> {
            Api.Reply submitted = api.post("/requests", Json.write(Reports.missedBin("metrics+" + UUID.randomUUID() + "@example.com")),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, submitted.status(), submitted.body());

            Api.Reply booked = api.post("/bookings", Json.write(BookingFixtures.booking("lakeside-bbq-shelter", date, "08:00", "10:00",
                    "metrics+" + UUID.randomUUID() + "@example.com")), Map.of());
            assertEquals(201, booked.status(), booked.body());
            Api.Reply clash = api.post("/bookings", Json.write(BookingFixtures.booking("lakeside-bbq-shelter", date, "08:00", "10:00",
                    "metrics+" + UUID.randomUUID() + "@example.com")), Map.of());
            assertEquals(409, clash.status(), clash.body());

            Api.Reply run = api.post("/staff/reports/run", Json.write(Map.of("kind", "weekly")), Api.signedInAs("demo-admin"));
            assertEquals(200, run.status(), run.body());
        });
        List<JsonNode> documents = documents(output);

        assertCounted(documents, Metric.REQUESTS_SUBMITTED, "missed-bin");
        assertCounted(documents, Metric.BOOKING_CONFLICTS, "lakeside-bbq-shelter");
        assertCounted(documents, Metric.REPORT_RUNS, "weekly");
    }

    @Test
    void aFailedSendIsCountedAndMailGivenUpIsCountedDead() throws Exception {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        var mailbox = TestStack.get().mailbox();
        String output;
        mailbox.stop();
        try {
            output = StandardOutput.during(() -> {
                Api.Reply submitted = api.post("/requests", Json.write(Reports.missedBin("undeliverable+" + UUID.randomUUID() + "@example.com")),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                assertEquals(201, submitted.status(), submitted.body());
                // The outbox stream hands the mail to MailSenderFunction at once; with SES away the send fails.
                Map<String, AttributeValue> mail = awaitAttempt(dynamo, submitted.json().path("reference").asText());
                // Three days on it is still failing: the sender gives it up (this mail only, not the whole queue).
                Mailer unreachable = anyMail -> {
                    throw new Mailer.MailNotSent("Unreachable", false, null);
                };
                new MailSender(new OutboxStore(dynamo, "OutboxTable"), unreachable, new SnsTexter(AwsClients.sns(), null, null),
                        Clock.offset(TestStack.clock(), Duration.ofDays(4)), PowertoolsMetrics.fromConfig())
                        .send(List.of(mail.get("pk").s().substring("MAIL#".length())));
            });
        } finally {
            mailbox.start();
        }
        List<JsonNode> documents = documents(output);

        assertCounted(documents, Metric.MAILS_FAILED, "request-confirmation");
        assertCounted(documents, Metric.MAILS_DEAD, "request-confirmation");
    }

    /** The request's outbox item once its first send has failed (a test may Scan; nobody waits on it). */
    private static Map<String, AttributeValue> awaitAttempt(DynamoDbClient dynamo, String reference) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() - deadline < 0) {
            List<Map<String, AttributeValue>> items = dynamo.scan(scan -> scan.tableName("OutboxTable")
                    .filterExpression("#reference = :reference AND attempts > :none")
                    .expressionAttributeNames(Map.of("#reference", "reference"))
                    .expressionAttributeValues(Map.of(":reference", AttributeValue.fromS(reference), ":none", AttributeValue.fromN("0"))))
                    .items();
            if (!items.isEmpty()) {
                return items.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The mail sender never tried the mail of " + reference);
    }

    /** The EMF documents among the lines: each is one JSON object with an {@code _aws} member. */
    private static List<JsonNode> documents(String output) {
        List<JsonNode> documents = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{\"_aws\"")) {
                try {
                    documents.add(Json.MAPPER.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(line, e);
                }
            }
        }
        return documents;
    }

    private static void assertCounted(List<JsonNode> documents, Metric metric, String id) {
        JsonNode document = documents.stream()
                .filter(d -> d.has(metric.metricName()) && id.equals(d.path(metric.dimension()).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("No " + metric.metricName() + " for " + id + " in " + documents));
        JsonNode directive = document.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals("CivicDesk", directive.path("Namespace").asText());
        assertEquals(metric.metricName(), directive.path("Metrics").get(0).path("Name").asText());
        assertEquals("Count", directive.path("Metrics").get(0).path("Unit").asText());
        assertEquals(Json.MAPPER.valueToTree(List.of(List.of("Service"), List.of("Service", metric.dimension()))),
                directive.path("Dimensions"));
        assertEquals(SERVICE, document.path("Service").asText());
        assertTrue(document.path(metric.metricName()).asDouble() >= 1, document.toString());
    }
}

package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.IdempotencyRecords;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/** The feedback capability's collaborators, wired against the shared test stack's tables. */
final class FeedbackStack {
    static final String FEEDBACK = "FeedbackTable";

    private FeedbackStack() {
    }

    static DynamoDbClient dynamo() {
        return TestStack.get().dynamoDb();
    }

    static CatalogStore catalog() {
        return new CatalogStore(dynamo(), "CatalogTable");
    }

    static SurveyStore surveys() {
        return new SurveyStore(dynamo(), FEEDBACK);
    }

    static SatisfactionFiguresStore figures() {
        return new SatisfactionFiguresStore(dynamo(), FEEDBACK);
    }

    /** What the resolve action will call; here called on its own, as the staff-free trigger. */
    static SurveyInvitations invitations() {
        DynamoDbClient dynamo = dynamo();
        OutboxStore outbox = new OutboxStore(dynamo, "OutboxTable");
        return new SurveyInvitations(dynamo, surveys(), figures(), outbox, new RequestStore(dynamo, "RequestsTable", outbox),
                catalog(), Clock.systemUTC(), new SecureRandom(), TestStack.get().baseUrl());
    }

    static ComplaintService complaints() {
        DynamoDbClient dynamo = dynamo();
        return new ComplaintService(dynamo, new ComplaintStore(dynamo, FEEDBACK), new OutboxStore(dynamo, "OutboxTable"), catalog(),
                ComplaintTargets.DEFAULTS, Clock.systemUTC(), new SecureRandom(), TestStack.get().baseUrl());
    }

    static SurveyService surveyService() {
        return new SurveyService(dynamo(), surveys(), figures(), new IdempotencyRecords(dynamo(), FEEDBACK), catalog(),
                Clock.systemUTC());
    }

    /** A resident's missed-bin report through the API: its reference and private key. */
    record Reported(String reference, String privateKey, String email) {
    }

    static Reported report(String who) {
        String email = who + "+" + UUID.randomUUID() + "@example.com";
        JsonNode receipt = TestStack.api().post("/requests", Json.write(Reports.missedBin(email)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).json();
        String link = receipt.path("privateLink").asText();
        return new Reported(receipt.path("reference").asText(), link.substring(link.indexOf("#key=") + 5), email);
    }

    static String keyOf(String link) {
        return link.substring(link.indexOf("#key=") + 5);
    }

    /** The first mail to an address whose subject starts so, waiting up to 15 s for the outbox to send it. */
    static Message awaitMail(String to, String subjectStart) {
        for (int i = 0; i < 75; i++) {
            Message mail = Mailbox.to(to).stream().filter(m -> m.subject().startsWith(subjectStart)).findFirst().orElse(null);
            if (mail != null) {
                return mail;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no mail '" + subjectStart + "…' reached " + to + "; got "
                + Mailbox.to(to).stream().map(Message::subject).toList());
    }
}

package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.IdempotencyRecords;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.RequestStore;
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
}

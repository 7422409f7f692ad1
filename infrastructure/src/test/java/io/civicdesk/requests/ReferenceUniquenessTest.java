package io.civicdesk.requests;

import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.util.Iterator;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A reference is unique because the write that claims it is conditional, not because collisions are rare. */
class ReferenceUniquenessTest {

    /** Draws the given references, in turn, so two reports can be made to collide. */
    private static SecureRandom drawing(String... references) {
        Iterator<Character> symbols = String.join("", references).chars().mapToObj(c -> (char) c).iterator();
        return new SecureRandom() {
            @Override
            public int nextInt(int bound) {
                return Reference.ALPHABET.indexOf(symbols.next());
            }
        };
    }

    private static SubmitRequestService service(SecureRandom random) {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        return RequestWiring.of(dynamo, "RequestsTable", "CatalogTable", "OutboxTable", TestStack.clock(), "http://localhost")
                .submissions(random);
    }

    private static String submit(SubmitRequestService service, String email) {
        JsonNode body = Json.MAPPER.valueToTree(Reports.missedBin(email));
        Idempotency.Answer submitted = service.submit(SubmissionReader.report(body), Optional.empty());
        assertEquals(201, submitted.status());
        return Json.parseBody(submitted.body()).path("reference").asText();
    }

    @Test
    void aReferenceAlreadyTakenIsNeverOverwrittenAndANewOneIsDrawn() {
        String first = "77777777";
        String second = "88888888";
        assertEquals(first, submit(service(drawing(first)), "first+" + UUID.randomUUID() + "@example.com"));
        String laterEmail = "second+" + UUID.randomUUID() + "@example.com";
        assertEquals(second, submit(service(drawing(first, second)), laterEmail));

        RequestStore store = new RequestStore(TestStack.get().dynamoDb(), "RequestsTable");
        ServiceRequest kept = store.find(new Reference(first)).orElseThrow().request();
        assertEquals(1, kept.version());
        assertNotEquals(laterEmail, kept.contact().email(), "the first request was overwritten");
    }
}

package io.civicdesk.privacy;

import io.civicdesk.bench.CallCounter;
import io.civicdesk.requests.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident's records are found through the lookup items written with each record (and their keys read with
 * BatchGetItem), never by a Scan; records written before lookup items existed are given them by the retention
 * run's backfill, and found again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubjectLookupTest {
    private static PrivacyStack stack;
    private static Reference theirs;
    private static Reference followed;

    @BeforeAll
    static void aResidentWithRecordsOfEveryKind() {
        stack = new PrivacyStack();
        theirs = stack.report(20, "Lena Lookup", "Lena.Lookup@example.com ", "0412 555 010", "5 Index Way, Melaleuca WA 6999",
                "a hole by the school");
        stack.resolveAndClose(theirs, 18);
        stack.survey(theirs, 15, "fine");
        followed = stack.report(21, "Omar Other", "omar.other@example.com", null, "5 Index Way, Melaleuca WA 6999",
                "the same hole");
        Reference duplicate = stack.report(19, "Lena Lookup", "lena.lookup@example.com", null, "5 Index Way, Melaleuca WA 6999",
                "the same hole again");
        stack.act(duplicate, 18, Map.of("action", "duplicate", "originalReference", followed.value()));
        stack.complaint(10, null, "Lena Lookup", "lena.lookup@example.com", "+61 412 555 010", "slow repair");
        stack.compliment(9, "Lena Lookup", "LENA.LOOKUP@example.com", "thanks to the crew");
        stack.booking(-5, "booking", "Lena Lookup", null, "0412555010", "a birthday");
        stack.mail(8, "lena.lookup@example.com", "about your complaint");
        stack.complaint(10, null, "Someone Else", "someone.else@example.com", "0499 999 999", "not hers");
        stack.sendWaitingMail();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    @Order(1)
    void aSearchByEmailAndPhoneFindsEveryKindWithQueriesAndBatchGetsAndNoScan() {
        Subject subject = Subject.of("lena.lookup@example.com", "+61 412 555 010");
        CallCounter.takeAll();
        SubjectAccess.Found found = stack.counted().subjectAccess().search(PrivacyStack.ADMIN, subject);
        Map<String, CallCounter.Tally> calls = CallCounter.takeAll();
        System.out.println("Subject search " + found.counts() + "\nDynamoDB calls: " + calls);

        Map<RecordKind, Integer> counts = found.counts();
        assertEquals(3, counts.get(RecordKind.REQUESTS), "their two requests and the one they follow: " + counts);
        assertEquals(2, counts.get(RecordKind.COMPLAINTS) + counts.get(RecordKind.FEEDBACK), counts.toString());
        assertEquals(1, counts.get(RecordKind.BOOKINGS), "the booking given with a phone only: " + counts);
        assertEquals(1, counts.get(RecordKind.SURVEY_COMMENTS), counts.toString());
        assertTrue(counts.get(RecordKind.MAILS) >= 3, "the confirmations and the complaint's mail: " + counts);
        assertTrue(found.records().stream().noneMatch(record -> String.valueOf(record.details()).contains("someone.else")),
                "nobody else's records");
        assertTrue(found.records().stream().anyMatch(record -> record.key().startsWith("FOLLOWER#REQUEST#" + followed.value())),
                "the request they follow, as a follower");

        assertFalse(calls.containsKey("DynamoDb Scan"), "no Scan: " + calls);
        // Requests: 4 terms (email, phone, the email and the phone as a follower); feedback: 2 (email, phone); bookings: 2;
        // mails and texts: 2 (email, phone); photos: 1 per request.
        assertEquals(4 + 2 + 2 + 2 + 2, calls.get("DynamoDb Query").calls(), calls.toString());
        assertEquals(4, calls.get("DynamoDb BatchGetItem").calls(), "one per table with records found: " + calls);
        assertEquals(Set.of("DynamoDb Query", "DynamoDb BatchGetItem", "DynamoDb PutItem"), calls.keySet(),
                "and the audit entry: " + calls);
    }

    @Test
    @Order(2)
    void recordsWrittenBeforeLookupItemsAreBackfilledByTheRetentionRunAndFoundAgain() {
        Subject subject = Subject.of("lena.lookup@example.com", "0412 555 010");
        int before = stack.privacy().subjectAccess().search(PrivacyStack.ADMIN, subject).records().size();
        forgetLookups();
        SubjectAccess.Found forgotten = stack.privacy().subjectAccess().search(PrivacyStack.ADMIN, subject);
        assertEquals(2, forgotten.counts().get(RecordKind.REQUESTS), "only their own requests, by the requests' own terms: "
                + forgotten.counts());
        assertNull(forgotten.counts().get(RecordKind.COMPLAINTS), forgotten.counts().toString());

        RetentionRun run = stack.privacy().retention().run(new Retention.Batch(3, 10_000, Duration.ofMinutes(1)), "test");
        assertTrue(run.lookupsBackfilled() >= 6, "the complaints, the compliment, the booking, the mails and the follower: " + run);
        assertEquals(before, stack.privacy().subjectAccess().search(PrivacyStack.ADMIN, subject).records().size(),
                "found again, every one");
        RetentionRun next = stack.privacy().retention().run(new Retention.Batch(100, 10_000, Duration.ofMinutes(1)), "test");
        assertEquals(0, next.lookupsBackfilled(), "the backfill runs through the tables once: " + next);
    }

    @Test
    @Order(3)
    void anErasureLeavesNoLookupOfTheResidentInAnyTableOrIndex() {
        stack.privacy().subjectAccess().erase(PrivacyStack.ADMIN, Subject.of("lena.lookup@example.com", "0412 555 010"));
        List<String> left = stack.everything().stream().filter(item -> item.toLowerCase().contains("lena")
                || item.contains("412555010")).toList();
        assertEquals(List.of(), left);
        assertTrue(stack.everything().stream().anyMatch(item -> item.contains("omar.other@example.com")),
                "the other resident of the request she followed keeps theirs");
        assertEquals(0, stack.privacy().subjectAccess().search(PrivacyStack.ADMIN,
                Subject.of("lena.lookup@example.com", "0412 555 010")).records().stream()
                .filter(record -> record.kind() != RecordKind.SURVEY_COMMENTS && record.kind() != RecordKind.PHOTOS).count());
    }

    /** As the tables were before lookup items: the CONTACT# items, the mails' recipient and the follower terms gone. */
    private static void forgetLookups() {
        for (String table : List.of("FeedbackTable", "BookingsTable")) {
            stack.dynamo.scanPaginator(scan -> scan.tableName(table).filterExpression("begins_with(sk, :contact)")
                            .expressionAttributeValues(Map.of(":contact", s("CONTACT#")))).items()
                    .forEach(item -> stack.dynamo.deleteItem(delete -> delete.tableName(table)
                            .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))));
        }
        stack.dynamo.scanPaginator(scan -> scan.tableName("OutboxTable").filterExpression("attribute_exists(recipient)")).items()
                .forEach(item -> stack.dynamo.updateItem(update -> update.tableName("OutboxTable").key(Map.of("pk", item.get("pk")))
                        .updateExpression("REMOVE recipient")));
        stack.dynamo.scanPaginator(scan -> scan.tableName("RequestsTable").filterExpression("begins_with(sk, :follower)")
                        .expressionAttributeValues(Map.of(":follower", s("FIND#follower#")))).items()
                .forEach(item -> stack.dynamo.deleteItem(delete -> delete.tableName("RequestsTable")
                        .key(Map.<String, AttributeValue>of("pk", item.get("pk"), "sk", item.get("sk")))));
        // The backfill starts again from the beginning, as on the first run after an upgrade.
        stack.dynamo.deleteItem(delete -> delete.tableName("CatalogTable").key(Map.of("pk", s("PRIVACY#RETENTION"), "sk", s("CURSOR"))));
    }
}

package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civicdesk.local.handlers.Recorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB stream and schedule events reaching test handlers, as the template declares them. */
class EventSourcesTest {
    private static final String TEMPLATE = """
            Resources:
              Things:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                  StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }
              Inserts:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.RecordingHandler::handleRequest
                  Events:
                    New:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt Things.StreamArn
                        StartingPosition: LATEST
                        BatchSize: 10
                        FilterCriteria: { Filters: [{ Pattern: '{"eventName": ["INSERT"]}' }] }
              Typed:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.TypedStreamHandler::handleRequest
                  Events:
                    All:
                      Type: DynamoDB
                      Properties: { Stream: !GetAtt Things.StreamArn, StartingPosition: LATEST, BatchSize: 1 }
              Failing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.FailingHandler::handleRequest
                  Events:
                    All:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt Things.StreamArn
                        StartingPosition: LATEST
                        MaximumRetryAttempts: 1
                        FilterCriteria: { Filters: [{ Pattern: '{"dynamodb": {"NewImage": {"pk": {"S": [{"prefix": "fail"}]}}}}' }] }
              Scheduled:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.RecordingHandler::handleRequest
                  Events:
                    Hourly: { Type: Schedule, Properties: { Schedule: rate(1 hour) } }
                    Nightly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 2 * * ? *)
                        ScheduleExpressionTimezone: Australia/Perth
                        Input: '{"job": "nightly"}'
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().template(TEMPLATE).eventSources(true));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        List.of("Inserts", "Typed", "Failing", "Scheduled").forEach(Recorded::clear);
    }

    private static void put(String pk, String value) {
        stack.dynamoDb().putItem(b -> b.tableName("Things").item(Map.of("pk", AttributeValue.fromS(pk),
                "value", AttributeValue.fromS(value))));
    }

    /** The records the function received up to and including the first for the item {@code pk}. */
    private static List<JsonNode> recordsUntil(String function, String pk) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String event = Recorded.next(function, WAIT); event != null; event = Recorded.next(function, WAIT)) {
            for (JsonNode record : JSON.readTree(event).path("Records")) {
                records.add(record);
                if (record.path("dynamodb").path("Keys").path("pk").path("S").asText().equals(pk)) {
                    return records;
                }
            }
        }
        throw new AssertionError(function + " received no record of " + pk + " within " + WAIT);
    }

    private static JsonNode nextRecordOf(String function, String pk) throws Exception {
        List<JsonNode> records = recordsUntil(function, pk);
        return records.get(records.size() - 1);
    }

    @Test
    void newItemReachesTheHandlerAsALambdaStreamEvent() throws Exception {
        put("first", "one");

        JsonNode record = nextRecordOf("Inserts", "first");
        assertEquals("INSERT", record.path("eventName").asText());
        assertEquals("aws:dynamodb", record.path("eventSource").asText());
        assertEquals("one", record.path("dynamodb").path("NewImage").path("value").path("S").asText());
        assertEquals("NEW_AND_OLD_IMAGES", record.path("dynamodb").path("StreamViewType").asText());
    }

    @Test
    void filterCriteriaDropWhatTheyDoNotMatch() throws Exception {
        put("filtered", "one");
        nextRecordOf("Inserts", "filtered");

        put("filtered", "two");
        put("after-the-update", "one");

        for (JsonNode record : recordsUntil("Inserts", "after-the-update")) {
            assertEquals("INSERT", record.path("eventName").asText(), "the update (MODIFY) is filtered out");
        }
    }

    @Test
    void typedHandlerReceivesTheEventsLibrarysDynamodbEvent() throws Exception {
        put("typed", "one");

        String seen;
        do {
            seen = Recorded.next("Typed", WAIT);
        } while (seen != null && !seen.endsWith(" typed"));
        assertEquals("INSERT typed", seen);
    }

    @Test
    void failingBatchIsRetriedThenDropped() throws Exception {
        put("fail-1", "one");

        assertNotNull(Recorded.next("Failing", WAIT), "first attempt");
        assertNotNull(Recorded.next("Failing", WAIT), "the one retry");
        put("fail-2", "one");
        String next = Recorded.next("Failing", WAIT);
        assertNotNull(next);
        assertTrue(next.contains("fail-2"), "after its retries the failed batch is dropped: " + next);
    }

    @Test
    void runSchedulesInvokesEachScheduleOfTheFunctionNow() throws Exception {
        stack.runSchedules("Scheduled");

        JsonNode hourly = JSON.readTree(Recorded.next("Scheduled", WAIT));
        assertEquals("Scheduled Event", hourly.path("detail-type").asText());
        assertEquals("aws.events", hourly.path("source").asText());
        assertEquals("{\"job\":\"nightly\"}", JSON.readTree(Recorded.next("Scheduled", WAIT)).toString(),
                "a schedule with Input passes it as the event");
    }

    @Test
    void runSchedulesOfAFunctionWithoutSchedulesFails() {
        assertThrows(IllegalArgumentException.class, () -> stack.runSchedules("Inserts"));
    }
}

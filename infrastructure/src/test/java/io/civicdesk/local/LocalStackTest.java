package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** What the stack sets up around the handlers: tables, configuration, and putting things back. */
class LocalStackTest {
    private static final String TEMPLATE = """
            Parameters:
              SenderEmail: { Type: String, Default: sender@example.com }
            Resources:
              Outbox:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - { AttributeName: pk, AttributeType: S }
                    - { AttributeName: queue, AttributeType: S }
                    - { AttributeName: at, AttributeType: N }
                  KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                  GlobalSecondaryIndexes:
                    - IndexName: Pending
                      KeySchema: [{ AttributeName: queue, KeyType: HASH }, { AttributeName: at, KeyType: RANGE }]
                      Projection: { ProjectionType: ALL }
                  TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }
              Sender:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.RecordingHandler::handleRequest
                  Environment:
                    Variables:
                      TEST_OUTBOX_TABLE: !Ref Outbox
                      TEST_MAIL_FROM: !Ref SenderEmail
                      PORTAL_URL: https://example.com
            """;

    @Test
    void tablesAreCreatedFromTheTemplateWithTheirIndexesAndTtl() {
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().template(TEMPLATE).eventSources(false))) {
            TableDescription table = stack.dynamoDb().describeTable(b -> b.tableName("Outbox")).table();

            assertEquals("Pending", table.globalSecondaryIndexes().get(0).indexName());
            assertEquals(IndexStatus.ACTIVE, table.globalSecondaryIndexes().get(0).indexStatus());
            assertEquals(TimeToLiveStatus.ENABLED, stack.dynamoDb().describeTimeToLive(b -> b.tableName("Outbox"))
                    .timeToLiveDescription().timeToLiveStatus());
        }
    }

    @Test
    void handlersSeeTheirEnvironmentAndTheSdkSeesTheLocalEndpointsUntilClose() {
        String endpointBefore = System.getProperty("aws.endpointUrlDynamoDb");
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().template(TEMPLATE).eventSources(false))) {
            assertEquals("Outbox", System.getProperty("TEST_OUTBOX_TABLE"));
            assertEquals("sender@example.com", System.getProperty("TEST_MAIL_FROM"));
            assertEquals(stack.baseUrl(), System.getProperty("PORTAL_URL"), "the stack supplies its own portal URL");
            assertEquals("ap-southeast-2", System.getProperty("aws.region"));
            assertEquals(stack.dynamoDbEndpoint(), System.getProperty("aws.endpointUrlDynamoDb"));
            assertEquals(stack.mailbox().url(), System.getProperty("aws.endpointUrlSesV2"));
            try (SesV2Client ses = SesV2Client.create()) {
                assertEquals(URI.create(stack.mailbox().url()), ses.serviceClientConfiguration().endpointOverride().orElseThrow(),
                        "a plain SDK client built by a handler goes to the local SES");
            }
        }
        assertNull(System.getProperty("TEST_MAIL_FROM"));
        assertEquals(endpointBefore, System.getProperty("aws.endpointUrlDynamoDb"), "put back as it was");
    }

    @Test
    void functionsGivingOneVariableDifferentValuesCannotShareAStack() {
        String conflicting = TEMPLATE + """
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.civicdesk.local.handlers.RecordingHandler::handleRequest
                      Environment: { Variables: { TEST_MAIL_FROM: someone-else@example.com } }
                """;

        String endpointBefore = System.getProperty("aws.endpointUrlDynamoDb");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalStack.start(LocalStack.Options.defaults().template(conflicting)));
        assertTrue(e.getMessage().contains("TEST_MAIL_FROM"), e.getMessage());
        assertEquals(endpointBefore, System.getProperty("aws.endpointUrlDynamoDb"), "a failed start leaves nothing behind");
    }

    @Test
    void overlappingStacksEachBuildTheirHandlersWithTheirOwnConfiguration() throws Exception {
        String template = """
                Resources:
                  Configured:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.civicdesk.local.handlers.ConfiguredHandler::handleRequest
                      Environment: { Variables: { STACK_NAME: '%s' } }
                      Events: { Get: { Type: HttpApi, Properties: { Method: GET, Path: /name } } }
                """;
        HttpClient http = HttpClient.newHttpClient();
        try (LocalStack first = LocalStack.start(LocalStack.Options.defaults().template(template.formatted("first")));
             LocalStack second = LocalStack.start(LocalStack.Options.defaults().template(template.formatted("second")))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(first.apiUrl() + "/name")).build();

            assertEquals("first", http.send(request, HttpResponse.BodyHandlers.ofString()).body(),
                    "built while the second stack's properties were the JVM's");
        }
    }

    @Test
    void missingHandlerClassFailsTheStartNamingIt() {
        String missing = """
                Resources:
                  Ghost:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: io.civicdesk.nowhere.GhostHandler::handleRequest }
                """;

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalStack.start(LocalStack.Options.defaults().template(missing)));
        assertEquals("Ghost: handler class io.civicdesk.nowhere.GhostHandler is not on the classpath", e.getMessage());
    }
}

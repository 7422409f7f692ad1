package io.civicdesk.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.civicdesk.local.LocalStack;
import io.civicdesk.local.template.FunctionDefinition.HttpRoute;
import io.civicdesk.local.template.FunctionDefinition.JwtAuthorizer;
import io.civicdesk.local.template.FunctionDefinition.ScheduleEvent;
import io.civicdesk.local.template.FunctionDefinition.StreamEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The reader, against the real template.yaml and against small templates written here. */
class SamTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.read(LocalStack.findProjectRoot().resolve("template.yaml"));
    private static final Map<String, String> PSEUDO = Map.of("AWS::Region", "ap-southeast-2",
            "AWS::AccountId", "000000000000", "AWS::Partition", "aws", "AWS::StackName", "civicdesk-local");
    /** An API with two JWT authorizers (one its default) and a Lambda authorizer, for routes to name. */
    private static final String API_WITH_AUTHORIZERS = """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    DefaultAuthorizer: Partners
                    Authorizers:
                      Staff:
                        JwtConfiguration: { issuer: !Sub 'https://issuer/${Pool}', audience: [!Ref Client] }
                      Partners:
                        IdentitySource: $request.header.X-Partner-Token
                        JwtConfiguration: { issuer: https://partners.example, audience: [partner-app] }
                      Lambda:
                        FunctionArn: arn:aws:lambda:ap-southeast-2:000000000000:function:auth
            """;

    private static FunctionDefinition function(String logicalId) {
        return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    @Test
    void tablesBecomeCreateTableRequestsNamedByLogicalId() {
        // Each capability adds its own tables; these are the foundation's.
        assertTrue(TEMPLATE.tables().stream().map(TableDefinition::tableName).toList()
                .containsAll(List.of("CatalogTable", "RequestsTable", "OutboxTable")));
        CreateTableRequest requests = TEMPLATE.table("RequestsTable").createTableRequest();
        assertEquals(BillingMode.PAY_PER_REQUEST, requests.billingMode());
        assertEquals(List.of("pk", "sk"), requests.keySchema().stream().map(k -> k.attributeName()).toList());
        assertEquals(List.of(KeyType.HASH, KeyType.RANGE), requests.keySchema().stream().map(k -> k.keyType()).toList());
        assertEquals(Optional.of("expiresAt"), TEMPLATE.table("RequestsTable").ttlAttribute());
        assertEquals(Optional.empty(), TEMPLATE.table("CatalogTable").ttlAttribute());
    }

    @Test
    void outboxHasItsSparseIndexAndStream() {
        CreateTableRequest outbox = TEMPLATE.table("OutboxTable").createTableRequest();
        GlobalSecondaryIndex index = outbox.globalSecondaryIndexes().get(0);

        assertEquals("PendingByNextAttempt", index.indexName());
        assertEquals(List.of("queue", "nextAttemptAt"), index.keySchema().stream().map(k -> k.attributeName()).toList());
        assertEquals(ProjectionType.ALL, index.projection().projectionType());
        assertEquals(ScalarAttributeType.N, outbox.attributeDefinitions().stream()
                .filter(a -> a.attributeName().equals("nextAttemptAt")).findFirst().orElseThrow().attributeType());
        assertEquals(StreamViewType.NEW_IMAGE, outbox.streamSpecification().streamViewType());
        assertTrue(outbox.streamSpecification().streamEnabled());
        assertEquals("expiresAt", TEMPLATE.table("OutboxTable").updateTimeToLiveRequest().orElseThrow()
                .timeToLiveSpecification().attributeName());
    }

    @Test
    void theStaffUserPoolBecomesACreateUserPoolRequestWithItsGroups() {
        UserPoolDefinition pool = TEMPLATE.userPools().get(0);
        CreateUserPoolRequest request = pool.createUserPoolRequest();

        assertEquals("StaffUserPool", pool.logicalId());
        assertEquals("StaffUserPool", request.poolName());
        assertEquals(List.of(UsernameAttributeType.EMAIL), request.usernameAttributes());
        assertEquals(Boolean.FALSE, request.usernameConfiguration().caseSensitive());
        assertEquals(Boolean.TRUE, request.adminCreateUserConfig().allowAdminCreateUserOnly());
        SchemaAttributeType unit = request.schema().get(0);
        assertEquals("unit", unit.name());
        assertEquals(Boolean.TRUE, unit.mutable());
        assertEquals("64", unit.stringAttributeConstraints().maxLength());
        assertEquals(List.of("officer", "supervisor", "account-manager", "admin"),
                pool.groups().stream().map(CreateGroupRequest::groupName).toList());
        assertEquals(Optional.of("StaffUserPool"), TEMPLATE.reference("StaffPortalClient", "UserPoolId"));
        assertEquals(Optional.of("StaffSignInFunction"), pool.preTokenGeneration(), "its trigger, by !Ref StaffSignInFunction.Alias");
    }

    @Test
    void functionsCarryHandlersRoutesAndGlobals() {
        // Each capability adds its own functions; these are the foundation's.
        assertTrue(TEMPLATE.functions().stream().map(FunctionDefinition::logicalId).toList()
                .containsAll(List.of("CatalogFunction", "SubmitRequestFunction", "TrackRequestFunction", "MailSenderFunction")));
        FunctionDefinition catalog = function("CatalogFunction");
        assertEquals("io.civicdesk.catalog.CatalogHandler", catalog.handlerClass());
        assertEquals(List.of(new HttpRoute("GET", "/services"), new HttpRoute("GET", "/services/{serviceId}")),
                catalog.routes());
        assertEquals(1024, catalog.memorySizeMb());
        assertEquals(10, catalog.timeoutSeconds());
        assertEquals(List.of(new HttpRoute("POST", "/requests")), function("SubmitRequestFunction").routes());
        assertEquals(List.of(new HttpRoute("GET", "/requests/{reference}")), function("TrackRequestFunction").routes());
    }

    @Test
    void mailSenderHasItsStreamAndScheduleAndItsOwnSizes() {
        FunctionDefinition mail = function("MailSenderFunction");

        assertEquals(List.of(new StreamEvent("NewMail", "OutboxTable", 10, 3, List.of("{\"eventName\": [\"INSERT\"]}"))),
                mail.streams());
        assertEquals(List.of(new ScheduleEvent("RetryFailedMail", "rate(1 minute)", Optional.empty(), Optional.empty())),
                mail.schedules());
        assertEquals(512, mail.memorySizeMb());
        assertEquals(60, mail.timeoutSeconds());
        assertTrue(mail.routes().isEmpty());
        assertTrue(mail.unemulatedEvents().isEmpty());
    }

    @Test
    void thePhotoProcessingFunctionHasItsBucketsObjectEventAndTheBucketItsName() {
        FunctionDefinition processing = function("PhotoProcessingFunction");
        assertEquals(List.of(new FunctionDefinition.ObjectEvent("Uploaded", "PhotosBucket", "uploads/")), processing.objectEvents());
        assertTrue(processing.unemulatedEvents().isEmpty());
        Map<String, String> buckets = TEMPLATE.buckets(TEMPLATE.intrinsics(PSEUDO));
        assertEquals("civicdesk-local-photos-000000000000", buckets.get("PhotosBucket"));
        assertEquals("portalbucket", buckets.get("PortalBucket"), "a bucket CloudFormation names is named by its logical ID");
    }

    @Test
    void environmentResolvesToLocalValues() {
        Intrinsics intrinsics = TEMPLATE.intrinsics(PSEUDO);
        Map<String, String> supplied = Map.of("PORTAL_URL", "http://localhost:9999");

        assertEquals(Map.of("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
                "CATALOG_TABLE", "CatalogTable", "REQUESTS_TABLE", "RequestsTable", "OUTBOX_TABLE", "OutboxTable",
                "FIGURES_TABLE", "FiguresTable", "PORTAL_URL", "http://localhost:9999",
                "POWERTOOLS_SERVICE_NAME", "civicdesk-local", "POWERTOOLS_METRICS_NAMESPACE", "CivicDesk",
                "POWERTOOLS_LOG_LEVEL", "INFO"),
                function("SubmitRequestFunction").resolvedEnvironment(intrinsics, supplied));
        assertEquals("no-reply@example.com",
                function("MailSenderFunction").resolvedEnvironment(intrinsics, supplied).get("MAIL_FROM"));
    }

    @Test
    void anUnsuppliedReferenceFailsNamingTheFunctionAndVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> function("SubmitRequestFunction").resolvedEnvironment(TEMPLATE.intrinsics(PSEUDO), Map.of()));

        assertEquals("SubmitRequestFunction environment PORTAL_URL: The local stack has no value for "
                + "PortalDistribution.DomainName", e.getMessage());
    }

    @Test
    void shortTagsReadAsTheirLongForms() {
        Map<String, Object> root = CfnYaml.load("""
                a: !Ref Thing
                b: !GetAtt Thing.Arn
                c: !Sub 'x-${Thing}'
                d: !Join [',', [!Ref A, b]]
                e: !If [IsProd, !Select [0, !Split ['@', !Ref Mail]], !Not [!Equals [a, b]]]
                f: !FindInMap [Sizes, !Ref Stage, Memory]
                """);

        assertEquals(Map.of("Ref", "Thing"), root.get("a"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Thing", "Arn")), root.get("b"));
        assertEquals(Map.of("Fn::Sub", "x-${Thing}"), root.get("c"));
        assertEquals(Map.of("Fn::Join", List.of(",", List.of(Map.of("Ref", "A"), "b"))), root.get("d"));
        assertEquals(Map.of("Fn::If", List.of("IsProd",
                Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of("@", Map.of("Ref", "Mail"))))),
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of("a", "b")))))), root.get("e"));
        assertEquals(Map.of("Fn::FindInMap", List.of("Sizes", Map.of("Ref", "Stage"), "Memory")), root.get("f"));
    }

    @Test
    void intrinsicsResolveSubJoinSelectIfAndFindInMap() {
        SamTemplate template = SamTemplate.parse("""
                Parameters:
                  Stage: { Type: String, Default: prod }
                  Mail: { Type: String, Default: team@council.example }
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                  IsTest: !Not [!Condition IsProd]
                Mappings:
                  Sizes:
                    prod: { Memory: 2048 }
                Globals:
                  Function:
                    Environment:
                      Variables:
                        SHARED: from-globals
                        OVERRIDDEN: from-globals
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Environment:
                        Variables:
                          OVERRIDDEN: mine
                          SUB: !Sub ['${Name}.${AWS::Region}.${!Literal}', { Name: !Ref Stage }]
                          JOIN: !Join ['-', [a, !Ref Stage, !Select [1, !Split ['@', !Ref Mail]]]]
                          IF: !If [IsTest, test, !If [IsProd, production, other]]
                          MAP: !FindInMap [Sizes, !Ref Stage, Memory]
                          GONE: !If [IsProd, !Ref AWS::NoValue, kept]
                """);
        FunctionDefinition fn = template.functions().get(0);

        assertEquals(Map.of("SHARED", "from-globals", "OVERRIDDEN", "mine", "SUB", "prod.ap-southeast-2.${Literal}",
                        "JOIN", "a-prod-council.example", "IF", "production", "MAP", "2048"),
                fn.resolvedEnvironment(template.intrinsics(PSEUDO), Map.of()));
    }

    @Test
    void eventsOfOtherTypesAreListedAsNotEmulated() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                        Queue: { Type: SQS, Properties: { Queue: arn } }
                        Paused: { Type: Schedule, Properties: { Schedule: rate(1 hour), Enabled: false } }
                        CatchAll: { Type: HttpApi }
                """);
        FunctionDefinition fn = template.functions().get(0);

        assertEquals(List.of("Queue (SQS)"), fn.unemulatedEvents());
        assertTrue(fn.schedules().isEmpty(), "a disabled schedule does not run");
        assertEquals(List.of(new HttpRoute("ANY", "$default")), fn.routes());
    }

    @Test
    void aRouteHasItsOwnAuthorizerOrItsApisDefaultUnlessItSaysNone() {
        SamTemplate template = SamTemplate.parse(API_WITH_AUTHORIZERS + """
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Events:
                        Own: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /own, Auth: { Authorizer: Staff } } }
                        Default: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /default } }
                        Public: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /public, Auth: { Authorizer: NONE } } }
                        Implicit: { Type: HttpApi, Properties: { Method: GET, Path: /implicit } }
                """);
        JwtAuthorizer staff = new JwtAuthorizer("Staff", "Authorization", Map.of("Fn::Sub", "https://issuer/${Pool}"),
                List.of(Map.of("Ref", "Client")));
        JwtAuthorizer partners = new JwtAuthorizer("Partners", "X-Partner-Token", "https://partners.example",
                List.of("partner-app"));

        assertEquals(List.of(new HttpRoute("GET", "/own", Optional.of(staff)),
                new HttpRoute("GET", "/default", Optional.of(partners)),
                new HttpRoute("GET", "/public"), new HttpRoute("GET", "/implicit")), template.functions().get(0).routes());
    }

    @Test
    void whatTheLocalStackCannotCheckFailsRatherThanLeaveARouteOpen() {
        for (String auth : List.of("{ Authorizer: Lambda }", "{ Authorizer: Missing }",
                "{ Authorizer: Staff, AuthorizationScopes: [staff/read] }")) {
            SamTemplate template = SamTemplate.parse(API_WITH_AUTHORIZERS + """
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Handler: x.Y::handleRequest
                          Events:
                            Guarded: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /x, Auth: %s } }
                    """.formatted(auth));

            assertThrows(IllegalArgumentException.class, template::functions, auth);
        }
    }
}

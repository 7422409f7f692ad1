package io.civicdesk.feedback;

import io.civicdesk.platform.StaffReadAudit;
import io.civicdesk.figures.SatisfactionFiguresStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.IdempotencyStore;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestStore;
import io.civicdesk.requests.ServiceRequest;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
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

    static CouncilCalendar council(Clock clock) {
        return CouncilCalendar.cached(catalog(), clock);
    }

    static OutboxStore outbox() {
        return new OutboxStore(dynamo(), "OutboxTable");
    }

    /** The writes of one change, committed together. */
    static void commit(List<Write> writes) {
        new DynamoTransactions(dynamo()).commit(writes);
    }

    /** What the resolve action will call; here called on its own, as the staff-free trigger. */
    static SurveyInvitations invitations() {
        return new SurveyInvitations(surveys(), figures(), outbox(), council(TestStack.clock()), new SecureRandom(),
                TestStack.get().baseUrl());
    }

    /** Opens a reported request's survey on its own, as resolving it would, outside any staff member's resolve. */
    static SurveyInvitations.Invitation inviteNow(String reference) {
        DynamoDbClient dynamo = dynamo();
        ServiceRequest request = new RequestStore(dynamo, "RequestsTable").find(Reference.parse(reference).orElseThrow())
                .orElseThrow().request();
        SurveyInvitations.Invitation invitation = invitations().onResolved(request, TestStack.clock().instant());
        commit(invitation.writes());
        return invitation;
    }

    static ComplaintService complaints() {
        DynamoDbClient dynamo = dynamo();
        return new ComplaintService(new ComplaintStore(dynamo, FEEDBACK), outbox(), new DynamoTransactions(dynamo),
                ComplaintTargets.DEFAULTS, council(TestStack.clock()), TestStack.clock(), new SecureRandom(), TestStack.get().baseUrl(),
                StaffReadAudit.installed("CatalogTable", TestStack.clock()));
    }

    /** The staff function as the gateway invokes it; its review panel sees the council's calendar as of {@code clock}. */
    static FeedbackStaffHandler staffHandler(Clock clock) {
        DynamoDbClient dynamo = dynamo();
        return new FeedbackStaffHandler(complaints(), new ReviewPanelService(new ComplaintStore(dynamo, FEEDBACK), surveys(),
                catalog()::unit, ComplaintTargets.DEFAULTS, council(clock), clock),
                new CounterTablets(new CounterDeviceStore(dynamo, FEEDBACK), TestStack.get().baseUrl(), clock, new SecureRandom()));
    }

    /** A staff route called with claims as API Gateway's JWT authorizer delivers them: strings, groups as "[a b]". */
    static APIGatewayV2HTTPResponse asStaff(String groups, String unit, String routeKey, Map<String, String> pathParameters,
                                            Map<String, String> query, Object body) {
        return asStaff(staffHandler(TestStack.clock()), groups, unit, routeKey, pathParameters, query, body);
    }

    static APIGatewayV2HTTPResponse asStaff(FeedbackStaffHandler handler, String groups, String unit, String routeKey,
                                            Map<String, String> pathParameters, Map<String, String> query, Object body) {
        Map<String, String> claims = new HashMap<>(Map.of("sub", "staff-" + UUID.randomUUID(), "name", "Staff " + groups,
                "email", "staff@melaleuca.example", "cognito:groups", groups));
        if (unit != null) {
            claims.put("custom:unit", unit);
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withPathParameters(pathParameters)
                .withQueryStringParameters(query)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(body == null ? null : Json.write(body))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(UUID.randomUUID().toString())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                                .build()).build())
                .build();
        return handler.handleRequest(event, null);
    }

    static SurveyService surveyService() {
        return new SurveyService(surveys(), figures(), new IdempotentCommand(new IdempotencyStore(dynamo(), FEEDBACK),
                new DynamoTransactions(dynamo()), TestStack.clock()), council(TestStack.clock()));
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

    /** The first mail to an address whose subject starts so, waiting for the outbox to send it. */
    static Message awaitMail(String to, String subjectStart) {
        try {
            return Mailbox.awaitMailTo(to, m -> m.subject().startsWith(subjectStart));
        } catch (AssertionError none) {
            throw new AssertionError("no mail '" + subjectStart + "…' reached " + to + "; got "
                    + Mailbox.to(to).stream().map(Message::subject).toList(), none);
        }
    }
}

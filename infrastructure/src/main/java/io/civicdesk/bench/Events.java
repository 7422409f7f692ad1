package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events the benchmarks invoke handlers with, shaped as Lambda delivers them: API Gateway HTTP API (payload
 * 2.0) requests, EventBridge's scheduled event, a DynamoDB stream record. Built without Jackson, so a cold-start
 * probe that builds its event before timing the handler has not loaded ahead of it what the handler loads.
 * The people and places in the sample report are made up.
 */
public final class Events {
    public static final String SUBMIT_ROUTE = "POST /requests";
    /** The routes that search, and what the benchmarks search for on them. */
    static final java.util.Set<String> SEARCH_ROUTES = java.util.Set.of("GET /search", "GET /staff/knowledge");
    static final String SAMPLE_SEARCH = "my rubish bin wasnt colected";
    /** As the local stack names them; the handlers read neither. */
    private static final String REGION = "ap-southeast-2";
    private static final String ACCOUNT = "000000000000";

    private static final String REPORT = """
            {"serviceId": "missed-bin",
             "answers": {"bin-type": "General waste (red lid)", "collection-day": "%s", "out-by-6am": "Yes"},
             "location": {"address": "12 Banksia Street, Melaleuca WA 6999", "latitude": -31.95, "longitude": 115.86},
             "description": "The bin was on the verge from the night before and was not emptied.",
             "contact": {"name": "Alex Citizen", "email": "alex@example.com", "phone": "0412 345 678"},
             "preferredChannel": "email"}""";

    private static final String SCHEDULED = """
            {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.events",
             "account": "%s", "time": "%s", "region": "%s",
             "resources": ["arn:aws:events:%s:%s:rule/MailSenderFunctionRetryFailedMail"], "detail": {}}""";

    /** Keys only: the mail sender reads nothing else of a record (the real NEW_IMAGE would carry the mail). */
    private static final String NEW_MAIL = """
            {"Records": [{"eventID": "%s", "eventName": "INSERT", "eventVersion": "1.1", "eventSource": "aws:dynamodb",
              "awsRegion": "%s",
              "dynamodb": {"ApproximateCreationDateTime": %d, "Keys": {"pk": {"S": "MAIL#%s"}},
                           "SequenceNumber": "100000000000000000001", "SizeBytes": 2048, "StreamViewType": "NEW_IMAGE"},
              "eventSourceARN": "arn:aws:dynamodb:%s:%s:table/OutboxTable/stream/2026-01-01T00:00:00.000"}]}""";

    private Events() {
    }

    /** A request on a route of the template, e.g. {@code GET /services/{serviceId}}, its path parameters filled in. */
    public static APIGatewayV2HTTPEvent http(String routeKey, Map<String, String> pathParameters,
                                             Map<String, String> headers, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        Map<String, String> allHeaders = new LinkedHashMap<>(Map.of(
                "accept", "application/json", "host", "localhost", "user-agent", "CivicDesk benchmark"));
        allHeaders.putAll(headers);
        String requestId = UUID.randomUUID().toString();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey(routeKey).withRawPath(path).withRawQueryString("")
                .withHeaders(allHeaders)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAccountId(ACCOUNT).withApiId("local").withDomainName("localhost").withDomainPrefix("localhost")
                        .withStage("$default").withRouteKey(routeKey).withRequestId(requestId)
                        .withTimeEpoch(System.currentTimeMillis())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("203.0.113.10").withUserAgent("CivicDesk benchmark").build())
                        .build())
                .build();
    }

    /** The benchmarks' request for a route: the sample report for {@value #SUBMIT_ROUTE}, a bare GET otherwise. */
    public static APIGatewayV2HTTPEvent sample(String routeKey, Map<String, String> pathParameters) {
        APIGatewayV2HTTPEvent event = routeKey.equals(SUBMIT_ROUTE) ? submit() : http(routeKey, pathParameters, Map.of(), null);
        // A search needs words to search for: a resident's misspelt problem.
        if (SEARCH_ROUTES.contains(routeKey)) {
            event.setQueryStringParameters(Map.of("q", SAMPLE_SEARCH));
            event.setRawQueryString("q=" + SAMPLE_SEARCH.replace(' ', '+'));
        }
        // A staff route is reached only with a token the gateway verified: it passes the claims on.
        return routeKey.contains(" /staff/") ? asStaff(event, STAFF_ADMIN) : event;
    }

    /** The claims of the demo administrator's ID token, as API Gateway's JWT authorizer hands them to a handler. */
    public static final Map<String, String> STAFF_ADMIN = Map.of("sub", "demo-admin", "name", "Chris Walker",
            "email", "chris.walker@melaleuca.example", "cognito:groups", "[admin]", "token_use", "id");

    /** The event as the JWT authorizer passes it on after checking a token with these claims. */
    public static APIGatewayV2HTTPEvent asStaff(APIGatewayV2HTTPEvent event, Map<String, String> claims) {
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims)
                        .withScopes(null).build()).build());
        return event;
    }

    /** A valid missed-bin report with an email address (so it writes a confirmation mail), under a fresh key. */
    public static APIGatewayV2HTTPEvent submit() {
        return http(SUBMIT_ROUTE, Map.of(), Map.of("content-type", "application/json",
                "idempotency-key", UUID.randomUUID().toString()), report());
    }

    public static String report() {
        return REPORT.formatted(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    }

    /** What the retry schedule sends. */
    public static byte[] scheduled() {
        return SCHEDULED.formatted(UUID.randomUUID(), ACCOUNT, Instant.now().toString(), REGION, REGION, ACCOUNT)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What the outbox table's stream sends when the given mail is written. */
    public static byte[] newMail(String mailId) {
        return NEW_MAIL.formatted(UUID.randomUUID(), REGION, System.currentTimeMillis() / 1000, mailId, REGION, ACCOUNT)
                .getBytes(StandardCharsets.UTF_8);
    }
}

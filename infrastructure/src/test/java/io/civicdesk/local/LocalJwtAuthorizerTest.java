package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.civicdesk.local.handlers.Recorded;
import io.civicdesk.platform.HttpRequest;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.directory.StaffMember;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway checks a guarded route's token as API Gateway's JWT authorizer does, before the handler runs. */
class LocalJwtAuthorizerTest {
    private static final String TEMPLATE = """
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Auth:
                    Authorizers:
                      StaffAuthorizer:
                        IdentitySource: $request.header.Authorization
                        JwtConfiguration:
                          issuer: !Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}
                          audience: [!Ref PortalClient]
              Pool:
                Type: AWS::Cognito::UserPool
              PortalClient:
                Type: AWS::Cognito::UserPoolClient
                Properties: { UserPoolId: !Ref Pool }
              Guarded:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.RecordingHandler::handleRequest
                  Events:
                    Me: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /staff/me, Auth: { Authorizer: StaffAuthorizer } } }
              Open:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.RecordingHandler::handleRequest
                  Events:
                    Open: { Type: HttpApi, Properties: { ApiId: !Ref Api, Method: GET, Path: /open } }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final StaffMember OFFICER = new StaffMember("staff-1", "Alex Officer", "alex.officer@example.com",
            Set.of(Role.OFFICER, Role.SUPERVISOR), "waste");

    private static LocalStack stack;
    private static StaffTokens tokens;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().template(TEMPLATE));
        tokens = stack.staffTokens();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void forgetEarlierEvents() {
        Recorded.clear("Guarded");
        Recorded.clear("Open");
    }

    @Test
    void aValidIdTokensClaimsReachTheHandlerAsApiGatewayPassesThem() throws Exception {
        HttpResponse<String> response = get("/api/staff/me", tokens.bearer(tokens.idToken(OFFICER)));

        assertEquals(200, response.statusCode(), response.body());
        String event = Recorded.next("Guarded", Duration.ofSeconds(5));
        JsonNode jwt = JSON.readTree(event).path("requestContext").path("authorizer").path("jwt");
        JsonNode claims = jwt.path("claims");
        assertEquals("[officer supervisor]", claims.path("cognito:groups").asText(), "an array claim as HTTP APIs pass it");
        assertEquals("staff-1", claims.path("sub").asText());
        assertEquals("Alex Officer", claims.path("name").asText());
        assertEquals("alex.officer@example.com", claims.path("email").asText());
        assertEquals("waste", claims.path("custom:unit").asText());
        assertEquals("id", claims.path("token_use").asText());
        assertEquals(StaffTokens.CLIENT_ID, claims.path("aud").asText());
        assertEquals(stack.baseUrl() + "/local-auth", claims.path("iss").asText());
        assertTrue(claims.path("exp").asText().matches("\\d+"), "a number claim as its text");
        claims.fields().forEachRemaining(claim -> assertTrue(claim.getValue().isTextual(), claim.getKey() + " is text"));
        assertTrue(jwt.path("scopes").isMissingNode() || jwt.path("scopes").isNull(), "an ID token has no scopes");

        StaffCaller caller = StaffCaller.from(new HttpRequest(LambdaEventSerializers
                .serializerFor(APIGatewayV2HTTPEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(new StaffCaller("staff-1", "Alex Officer", "alex.officer@example.com",
                Set.of(Role.OFFICER, Role.SUPERVISOR), "waste"), caller, "a handler reads the caller as it does deployed");
    }

    @Test
    void aTokenWithoutTheBearerPrefixIsAcceptedAsApiGatewayAcceptsIt() throws Exception {
        assertEquals(200, get("/api/staff/me", tokens.idToken(OFFICER)).statusCode());
    }

    @Test
    void anAccessTokenCountsByItsClientIdAndBringsItsScopes() throws Exception {
        String token = tokens.signed(tokens.accessTokenClaims(OFFICER, Instant.now(), "openid email"));

        assertEquals(200, get("/api/staff/me", tokens.bearer(token)).statusCode());
        JsonNode jwt = JSON.readTree(Recorded.next("Guarded", Duration.ofSeconds(5))).path("requestContext").path("authorizer").path("jwt");
        assertEquals("openid", jwt.path("scopes").get(0).asText());
        assertEquals("email", jwt.path("scopes").get(1).asText());
    }

    @Test
    void anyWrongTokenIs401WithoutInvokingTheHandler() throws Exception {
        Instant now = Instant.now();
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("no token", null);
        authorizations.put("empty", "Bearer ");
        authorizations.put("not a JWT", "Bearer not-a-token");
        authorizations.put("malformed", "Bearer abc.def.ghi");
        authorizations.put("another scheme", "Basic " + tokens.idToken(OFFICER));
        authorizations.put("bad signature", tokens.bearer(tokens.idTokenSignedByAnotherKey(OFFICER)));
        authorizations.put("claims changed after signing", tokens.bearer(withClaimsOf(tokens.idToken(OFFICER),
                tokens.idToken(new StaffMember("staff-1", "Alex Officer", "alex.officer@example.com", Set.of(Role.ADMIN), null)))));
        authorizations.put("unsigned (alg none)", tokens.bearer(unsigned(tokens.idTokenClaims(OFFICER, now, StaffTokens.CLIENT_ID))));
        authorizations.put("expired", tokens.bearer(tokens.expiredIdToken(OFFICER)));
        authorizations.put("wrong issuer", tokens.bearer(tokens.signed(claims(now, "iss",
                "https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_someone"))));
        authorizations.put("wrong audience", tokens.bearer(tokens.idTokenForAudience(OFFICER, "someone-else")));
        authorizations.put("not yet valid", tokens.bearer(tokens.signed(claims(now, "nbf", now.getEpochSecond() + 600))));
        authorizations.put("issued in the future", tokens.bearer(tokens.signed(claims(now, "iat", now.getEpochSecond() + 600))));

        for (Map.Entry<String, String> authorization : authorizations.entrySet()) {
            HttpResponse<String> response = get("/api/staff/me", authorization.getValue());

            assertEquals(401, response.statusCode(), authorization.getKey());
            assertEquals("{\"message\":\"Unauthorized\"}", response.body(), authorization.getKey());
            assertNull(Recorded.next("Guarded", Duration.ZERO), authorization.getKey() + ": the handler ran");
        }
    }

    @Test
    void aRouteWithoutAnAuthorizerNeedsNoTokenAndGetsNoClaims() throws Exception {
        assertEquals(200, get("/api/open", null).statusCode());

        String event = Recorded.next("Open", Duration.ofSeconds(5));
        assertNotNull(event);
        assertFalse(JSON.readTree(event).path("requestContext").has("authorizer"));
    }

    /** A valid ID token's claims with one changed. */
    private static Map<String, Object> claims(Instant issuedAt, String name, Object value) {
        Map<String, Object> claims = tokens.idTokenClaims(OFFICER, issuedAt, StaffTokens.CLIENT_ID);
        claims.put(name, value);
        return claims;
    }

    /** {@code signed}'s header and signature around {@code other}'s claims. */
    private static String withClaimsOf(String signed, String other) {
        String[] parts = signed.split("\\.");
        return parts[0] + "." + other.split("\\.")[1] + "." + parts[2];
    }

    private static String unsigned(Map<String, Object> claims) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(JSON.writeValueAsBytes(claims)) + ".";
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create(stack.baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

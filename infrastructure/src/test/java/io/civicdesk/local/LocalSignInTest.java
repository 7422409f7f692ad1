package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import io.civicdesk.demo.DemoData;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.testing.TestStack;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local stand-in for Cognito's hosted UI, driven as the staff pages drive it: code flow with PKCE. */
class LocalSignInTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Never follows redirects: each one is asserted. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private static LocalStack stack;
    private static String staffPages;

    @BeforeAll
    static void start() {
        stack = TestStack.get();
        staffPages = stack.baseUrl() + "/staff/";
    }

    @Test
    void theRightVerifierGetsCognitoShapedTokensThatTheGatewayAccepts() throws Exception {
        String verifier = newVerifier();
        URI back = signIn("demo-officer-roads", challengeOf(verifier));
        assertTrue(back.toString().startsWith(staffPages + "?code="), back.toString());
        assertEquals("state-1", query(back).get("state"));

        HttpResponse<String> response = redeem(query(back).get("code"), verifier);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("cache-control").orElseThrow());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals("Bearer", answer.path("token_type").asText());
        assertEquals(3600, answer.path("expires_in").asInt());
        JsonNode id = verifiedClaims(answer.path("id_token").asText());
        assertEquals("demo-officer-roads", id.path("sub").asText());
        assertEquals("Priya Sharma", id.path("name").asText());
        assertEquals("priya.sharma@melaleuca.example", id.path("email").asText());
        assertEquals("[\"officer\"]", id.path("cognito:groups").toString(), "a JSON array in the token, as Cognito issues it");
        assertEquals("roads", id.path("custom:unit").asText());
        assertEquals(stack.baseUrl() + "/local-auth", id.path("iss").asText());
        assertEquals(StaffTokens.CLIENT_ID, id.path("aud").asText());
        assertEquals("id", id.path("token_use").asText());
        assertEquals(3600, id.path("exp").asLong() - id.path("iat").asLong());
        assertTrue(id.path("auth_time").isNumber());
        assertEquals("nonce-1", id.path("nonce").asText());
        JsonNode access = verifiedClaims(answer.path("access_token").asText());
        assertEquals("access", access.path("token_use").asText());
        assertEquals(StaffTokens.CLIENT_ID, access.path("client_id").asText());
        assertEquals("openid email profile", access.path("scope").asText());

        LocalJwtAuthorizer gateway = new LocalJwtAuthorizer("Authorization", stack.staffTokens(), Set.of(StaffTokens.CLIENT_ID));
        for (String token : List.of(answer.path("id_token").asText(), answer.path("access_token").asText())) {
            Headers headers = new Headers();
            headers.add("Authorization", "Bearer " + token);
            assertTrue(gateway.authorize(headers).isPresent());
        }
    }

    @Test
    void staffWhoWorkAcrossUnitsHaveNoUnitClaim() throws Exception {
        String verifier = newVerifier();
        String code = query(signIn("demo-supervisor", challengeOf(verifier))).get("code");

        JsonNode id = verifiedClaims(JSON.readTree(redeem(code, verifier).body()).path("id_token").asText());

        assertEquals("[\"supervisor\"]", id.path("cognito:groups").toString());
        assertFalse(id.has("custom:unit"));
    }

    @Test
    void aWrongVerifierIsRefusedAndTheCodeIsSpent() throws Exception {
        String verifier = newVerifier();
        String code = query(signIn("demo-officer-waste", challengeOf(verifier))).get("code");

        HttpResponse<String> wrong = redeem(code, newVerifier());
        HttpResponse<String> rightButLate = redeem(code, verifier);

        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", JSON.readTree(wrong.body()).path("error").asText());
        assertEquals(400, rightButLate.statusCode());
        assertEquals("invalid_grant", JSON.readTree(rightButLate.body()).path("error").asText());
    }

    @Test
    void aCodeWorksOnce() throws Exception {
        String verifier = newVerifier();
        String code = query(signIn("demo-admin", challengeOf(verifier))).get("code");

        assertEquals(200, redeem(code, verifier).statusCode());
        HttpResponse<String> again = redeem(code, verifier);

        assertEquals(400, again.statusCode());
        assertEquals("invalid_grant", JSON.readTree(again.body()).path("error").asText());
    }

    @Test
    void theTokenEndpointRefusesOtherGrantsClientsAndReturnAddresses() throws Exception {
        String verifier = newVerifier();
        String code = query(signIn("demo-admin", challengeOf(verifier))).get("code");
        Map<String, String> right = Map.of("grant_type", "authorization_code", "client_id", StaffTokens.CLIENT_ID,
                "code", code, "redirect_uri", staffPages, "code_verifier", verifier);

        assertEquals("unsupported_grant_type", error(postToken(with(right, "grant_type", "password"))));
        assertEquals("invalid_client", error(postToken(with(right, "client_id", "someone-else"))));
        assertEquals("invalid_grant", error(postToken(with(right, "redirect_uri", stack.baseUrl() + "/elsewhere/"))));
    }

    @Test
    void theChooserListsTheDemoStaffWithTheirRolesAndUnits() throws Exception {
        HttpResponse<String> page = get("/local-auth/oauth2/authorize?" + authorizeQuery(challengeOf(newVerifier())));

        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
        assertTrue(page.body().contains("<html lang=\"en-AU\">"));
        assertTrue(page.body().contains("name=\"viewport\""));
        for (StaffMember member : DemoData.staff()) {
            assertTrue(page.body().contains("value=\"" + member.id() + "\">" + member.name()), member.id());
        }
        for (String description : List.of("Officer, Waste Services", "Officer, Roads and Drainage", "Supervisor",
                "Account manager", "Administrator")) {
            assertTrue(page.body().contains(">" + description + "</span></button>"), description);
        }
    }

    @Test
    void onlyTheLocalStaffPagesMaySignInHereAndNothingElseIsRedirectedTo() throws Exception {
        String challenge = challengeOf(newVerifier());
        for (String query : List.of(authorizeQuery(challenge).replace(StaffTokens.CLIENT_ID, "someone-else"),
                authorizeQuery(challenge).replace(encode(staffPages), encode("https://evil.example/staff/")),
                authorizeQuery(challenge).replace(encode(staffPages), encode(stack.baseUrl() + "@evil.example/")))) {
            HttpResponse<String> response = get("/local-auth/oauth2/authorize?" + query);
            assertEquals(400, response.statusCode(), query);
            assertTrue(response.headers().firstValue("location").isEmpty(), query);
        }
    }

    @Test
    void aRequestWithoutPkceGoesBackToTheStaffPagesWithAnError() throws Exception {
        HttpResponse<String> response = get("/local-auth/oauth2/authorize?"
                + authorizeQuery("").replace("&code_challenge=&code_challenge_method=S256", ""));

        assertEquals(302, response.statusCode());
        assertEquals(staffPages + "?error=invalid_request&state=state-1", response.headers().firstValue("location").orElseThrow());
    }

    @Test
    void signingOutGoesBackToTheStaffPages() throws Exception {
        HttpResponse<String> out = get("/local-auth/logout?client_id=" + StaffTokens.CLIENT_ID + "&logout_uri=" + encode(staffPages));
        HttpResponse<String> elsewhere = get("/local-auth/logout?client_id=" + StaffTokens.CLIENT_ID
                + "&logout_uri=" + encode("https://evil.example/"));

        assertEquals(302, out.statusCode());
        assertEquals(staffPages, out.headers().firstValue("location").orElseThrow());
        assertEquals(400, elsewhere.statusCode());
    }

    @Test
    void configJsTellsTheStaffPagesWhereToSignIn() throws Exception {
        HttpResponse<String> config = get("/config.js");

        assertEquals(200, config.statusCode());
        assertEquals("text/javascript; charset=utf-8", config.headers().firstValue("content-type").orElseThrow());
        assertEquals("window.CIVICDESK = { api: \"/api\", auth: { authority: \"/local-auth\", clientId: \"local-staff-portal\","
                + " scope: \"openid email profile\" } };\n", config.body());
    }

    /** The chooser page, then the chosen member's button: where the browser is sent back to. */
    private static URI signIn(String staffId, String challenge) throws Exception {
        HttpResponse<String> page = get("/local-auth/oauth2/authorize?" + authorizeQuery(challenge));
        assertEquals(200, page.statusCode(), page.body());
        Matcher action = FORM_ACTION.matcher(page.body());
        assertTrue(action.find(), "the page has the chooser's form");
        HttpResponse<String> chosen = send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("staff=" + staffId)));
        assertEquals(302, chosen.statusCode(), chosen.body());
        return URI.create(chosen.headers().firstValue("location").orElseThrow());
    }

    private static String authorizeQuery(String challenge) {
        return "response_type=code&client_id=" + StaffTokens.CLIENT_ID + "&redirect_uri=" + encode(staffPages)
                + "&scope=openid+email+profile&state=state-1&nonce=nonce-1&code_challenge=" + challenge
                + "&code_challenge_method=S256";
    }

    private static HttpResponse<String> redeem(String code, String verifier) throws Exception {
        return postToken(Map.of("grant_type", "authorization_code", "client_id", StaffTokens.CLIENT_ID, "code", code,
                "redirect_uri", staffPages, "code_verifier", verifier));
    }

    private static HttpResponse<String> postToken(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/local-auth/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        assertEquals(400, response.statusCode());
        return JSON.readTree(response.body()).path("error").asText();
    }

    /** The token's claims, after checking its signature as a relying party would: with the issuer's JWKS. */
    private static JsonNode verifiedClaims(String token) throws Exception {
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode jwks = JSON.readTree(get("/local-auth/.well-known/jwks.json").body());
        JsonNode key = jwks.path("keys").get(0);
        assertEquals(key.path("kid").asText(), header.path("kid").asText());
        assertEquals("RS256", header.path("alg").asText());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(signature.verify(Base64.getUrlDecoder().decode(parts[2])), "signed by the published key");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static String newVerifier() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    private static String challengeOf(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Map<String, String> query(URI uri) {
        return LocalGateway.queryParameters(uri.getRawQuery());
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put(name, value);
        return changed;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + path)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

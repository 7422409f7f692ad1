package io.civicdesk.local;

import static io.civicdesk.platform.Html.escape;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.directory.StaffMember;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cognito's hosted UI, locally, under {@code /local-auth}: the endpoints the staff pages use when deployed, at the
 * same paths under their authority, so their sign-in code is the same in both places.
 * <ul>
 * <li>{@code GET /oauth2/authorize} (code flow, PKCE S256): a page listing the staff who may sign in (the enabled
 *     accounts of the stack's user pool, in place of a password form); choosing one posts to
 *     {@code /login}, which sends the browser back to {@code redirect_uri} with a code and the state;</li>
 * <li>{@code POST /oauth2/token}: the code (single use, for 5 minutes) and its PKCE verifier for an ID token and an
 *     access token;</li>
 * <li>{@code GET /logout}: back to {@code logout_uri};</li>
 * <li>{@code GET /.well-known/jwks.json}: the issuer's public key.</li>
 * </ul>
 * Only the local staff pages' client is served, and only back to this origin. Codes and tokens are never logged.
 */
final class LocalSignIn {
    static final String PATH = "/local-auth";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a code stands for until it is redeemed. */
    private record Grant(StaffMember member, String redirectUri, String codeChallenge, String scope, String nonce,
                         Instant expires) {
    }

    private final StaffTokens tokens;
    private final String origin;
    private final String councilName;
    private final UserPoolStaff staff;
    private final Function<String, String> unitName;
    private final Consumer<StaffMember> preTokenGeneration;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /**
     * {@code origin}: the gateway's base URL, the only place the staff pages may be sent back to; {@code unitName}
     * names a unit by its id, for the chooser; {@code preTokenGeneration} runs the pool's trigger for whoever signs
     * in, and refuses them by throwing, as Cognito's hosted UI does.
     */
    LocalSignIn(StaffTokens tokens, String origin, String councilName, UserPoolStaff staff, Function<String, String> unitName,
                Consumer<StaffMember> preTokenGeneration) {
        this.tokens = tokens;
        this.origin = origin;
        this.councilName = councilName;
        this.staff = staff;
        this.unitName = unitName;
        this.preTokenGeneration = preTokenGeneration;
    }

    void handle(HttpExchange exchange) throws IOException {
        String endpoint = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring(PATH.length());
        switch (endpoint) {
            case "GET /.well-known/jwks.json" -> send(exchange, 200, "application/json", JSON.writeValueAsString(tokens.jwks()));
            case "GET /oauth2/authorize" -> authorize(exchange);
            case "POST /login" -> login(exchange);
            case "POST /oauth2/token" -> token(exchange);
            case "GET /logout" -> logout(exchange);
            default -> sendPage(exchange, 404, "Page not found", "<p>The local sign-in has no such page.</p>");
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (checked(exchange, parameters(rawQuery))) {
            sendPage(exchange, 200, "Sign in", staffChooser(rawQuery));
        }
    }

    /** The chooser's form posts here, with the authorization request still in the query (as Cognito's does). */
    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> request = parameters(exchange.getRequestURI().getRawQuery());
        if (!checked(exchange, request)) {
            return;
        }
        String chosen = form(exchange).get("staff");
        // Looked up again: someone disabled since the page was shown cannot sign in from it.
        Optional<StaffMember> member = chosen == null ? Optional.empty() : staff.enabled(chosen);
        if (member.isEmpty()) {
            sendPage(exchange, 400, "Sign-in problem", "<p>Choose one of the staff listed on the sign-in page.</p>");
            return;
        }
        try {
            preTokenGeneration.accept(member.get());
        } catch (RuntimeException refused) {
            sendPage(exchange, 400, "Sign-in problem", "<p>The sign-in was refused: " + escape(String.valueOf(refused.getMessage())) + "</p>");
            return;
        }
        Instant now = Instant.now();
        codes.values().removeIf(grant -> grant.expires().isBefore(now));
        String code = Jwt.encode(randomBytes());
        codes.put(code, new Grant(member.get(), request.get("redirect_uri"), request.get("code_challenge"),
                scope(request), request.get("nonce"), now.plus(CODE_LIFETIME)));
        redirect(exchange, withParameters(request.get("redirect_uri"), "code", code, "state", request.get("state")));
    }

    /**
     * Checks an authorization request as Cognito does, answering it when it is wrong: an unknown client or a
     * return address it may not use gets an error page (never a redirect to an unchecked address); anything else
     * goes back to the client as {@code error} with the state.
     */
    private boolean checked(HttpExchange exchange, Map<String, String> request) throws IOException {
        if (!StaffTokens.CLIENT_ID.equals(request.get("client_id")) || !onThisOrigin(request.get("redirect_uri"))) {
            sendPage(exchange, 400, "Sign-in problem", "<p>Only the staff pages on " + escape(origin)
                    + " sign in here: client_id must be " + StaffTokens.CLIENT_ID
                    + " and redirect_uri a page on " + escape(origin) + ".</p>");
            return false;
        }
        String error = !"code".equals(request.get("response_type")) ? "unsupported_response_type"
                : !"S256".equals(request.get("code_challenge_method")) || request.getOrDefault("code_challenge", "").isEmpty()
                ? "invalid_request"
                : !StaffTokens.SCOPES.containsAll(List.of(scope(request).split(" "))) ? "invalid_scope"
                : null;
        if (error != null) {
            redirect(exchange, withParameters(request.get("redirect_uri"), "error", error, "state", request.get("state")));
            return false;
        }
        return true;
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        if (!"authorization_code".equals(form.get("grant_type"))) {
            sendError(exchange, "unsupported_grant_type");
            return;
        }
        if (!StaffTokens.CLIENT_ID.equals(form.get("client_id"))) {
            sendError(exchange, "invalid_client");
            return;
        }
        // Single use: the code is gone from here on, whether or not the rest of the request is right.
        Grant grant = form.containsKey("code") ? codes.remove(form.get("code")) : null;
        if (grant == null || grant.expires().isBefore(Instant.now())
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.codeChallenge().equals(codeChallenge(form.get("code_verifier")))) {
            sendError(exchange, "invalid_grant");
            return;
        }
        Instant now = Instant.now();
        Map<String, Object> idClaims = tokens.idTokenClaims(grant.member(), now, StaffTokens.CLIENT_ID);
        if (grant.nonce() != null) {
            idClaims.put("nonce", grant.nonce());
        }
        send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of(
                "id_token", tokens.signed(idClaims),
                "access_token", tokens.signed(tokens.accessTokenClaims(grant.member(), now, grant.scope())),
                "expires_in", StaffTokens.VALIDITY.toSeconds(),
                "token_type", "Bearer")));
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> request = parameters(exchange.getRequestURI().getRawQuery());
        if (!StaffTokens.CLIENT_ID.equals(request.get("client_id")) || !onThisOrigin(request.get("logout_uri"))) {
            sendPage(exchange, 400, "Sign-out problem", "<p>client_id must be " + StaffTokens.CLIENT_ID
                    + " and logout_uri a page on " + escape(origin) + ".</p>");
            return;
        }
        redirect(exchange, request.get("logout_uri"));
    }

    private String staffChooser(String rawQuery) {
        List<StaffMember> members = staff.enabled();
        if (members.isEmpty()) {
            return """
                    <h1>Sign in</h1>
                    <p>Nobody has a staff account on this machine yet. Make the first administrator with \
                    <code>./civicdesk first-admin</code>; they add everyone else on the staff page.</p>
                    """;
        }
        String buttons = members.stream().map(member -> """
                <li><button class="button button--secondary" type="submit" name="staff" value="%s">%s<span class="visually-hidden">,</span> <span class="staff-list__role">%s</span></button></li>
                """.formatted(escape(member.id()), escape(member.name()), escape(description(member))))
                .collect(Collectors.joining());
        return """
                <h1>Sign in</h1>
                <p>While CivicDesk runs on this machine, this page stands in for the council's sign-in page. There \
                are no passwords: choose who to sign in as.</p>
                <form method="post" action="%s/login?%s">
                <ul class="staff-list">
                %s</ul>
                </form>
                """.formatted(PATH, escape(rawQuery), buttons);
    }

    /** "Officer, Waste Services": the roles, and the unit for those who work in one. */
    private String description(StaffMember member) {
        String roles = member.roles().stream().sorted().map(LocalSignIn::roleName).collect(Collectors.joining(", "));
        return member.unitId() == null ? roles : roles + ", " + unitName.apply(member.unitId());
    }

    private static String roleName(Role role) {
        return switch (role) {
            case OFFICER -> "Officer";
            case SUPERVISOR -> "Supervisor";
            case ACCOUNT_MANAGER -> "Account manager";
            case ADMIN -> "Administrator";
        };
    }

    /** A staff page: WCAG 2.2 AA with the portal's styles, one column down to 320 px. */
    private void sendPage(HttpExchange exchange, int status, String title, String content) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", """
                <!doctype html>
                <html lang="en-AU">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s – %2$s staff (on this machine)</title>
                <link rel="stylesheet" href="/css/site.css">
                <style>
                .staff-list { list-style: none; padding: 0; }
                .staff-list .button { display: block; width: 100%%; margin-bottom: 15px; text-align: left; }
                .staff-list__role { display: block; font-weight: normal; }
                </style>
                </head>
                <body>
                <header class="header">
                  <div class="width-container header__inner"><div class="header__link"><span class="header__council">%2$s</span> <span class="header__service">Staff sign-in on this machine</span></div></div>
                </header>
                <div class="width-container">
                <main id="main-content" class="main">
                %3$s</main>
                </div>
                </body>
                </html>
                """.formatted(escape(title), escape(councilName), content));
    }

    private boolean onThisOrigin(String address) {
        if (address == null) {
            return false;
        }
        try {
            URI uri = new URI(address);
            return origin.equals(uri.getScheme() + "://" + uri.getRawAuthority()) && uri.getRawFragment() == null
                    && uri.getRawPath() != null && uri.getRawPath().startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The requested scopes; Cognito grants all the client's scopes when none are asked for. */
    private static String scope(Map<String, String> request) {
        return request.getOrDefault("scope", String.join(" ", StaffTokens.SCOPES)).trim();
    }

    /** PKCE S256: base64url(SHA-256(verifier)). */
    private static String codeChallenge(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            return Jwt.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code address} with parameters added to its query; a null value is left out. */
    private static String withParameters(String address, String... namesAndValues) {
        StringBuilder result = new StringBuilder(address);
        char separator = address.contains("?") ? '&' : '?';
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                result.append(separator).append(namesAndValues[i]).append('=')
                        .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return result.toString();
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = LocalGateway.queryParameters(raw);
        return parameters == null ? Map.of() : parameters;
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return parameters(new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
        }
    }

    /** The token endpoint's OAuth error: 400 with {@code {"error": ...}}. */
    private static void sendError(HttpExchange exchange, String error) throws IOException {
        send(exchange, 400, "application/json", JSON.writeValueAsString(Map.of("error", error)));
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, 302, "text/plain; charset=utf-8", "");
    }

    /** Never cached: redirects carry codes, and the token endpoint's answers tokens. */
    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }
}

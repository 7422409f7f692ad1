package io.civicdesk.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A route's JWT authorizer, checking what API Gateway checks, against the local sign-in's key: a token in the
 * header (alone or after {@code Bearer }), signed RS256 by the key its {@code kid} names, {@code iss} the issuer,
 * {@code aud} (or, only when there is no aud, {@code client_id}) one of the audience, {@code exp} still ahead and
 * {@code nbf} and {@code iat} not. The claims then reach the function as HTTP APIs pass them: each as text, an
 * array as {@code [a b]}.
 */
final class LocalJwtAuthorizer {
    private final String tokenHeader;
    private final StaffTokens issuer;
    private final Set<String> audience;

    LocalJwtAuthorizer(String tokenHeader, StaffTokens issuer, Set<String> audience) {
        this.tokenHeader = tokenHeader;
        this.issuer = issuer;
        this.audience = Set.copyOf(audience);
    }

    /** The request context's {@code authorizer}, or empty when API Gateway would answer 401. */
    Optional<Authorizer> authorize(Headers requestHeaders) {
        List<String> values = requestHeaders.get(tokenHeader);
        if (values == null) {
            return Optional.empty();
        }
        String value = String.join(",", values);
        String token = value.startsWith("Bearer ") ? value.substring("Bearer ".length()) : value;
        return Jwt.parse(token).filter(this::valid).map(jwt -> context(jwt.claims()));
    }

    private boolean valid(Jwt jwt) {
        JsonNode claims = jwt.claims();
        long now = Instant.now().getEpochSecond();
        return issuer.publicKey(jwt.header().path("kid").asText()).map(jwt::signedBy).orElse(false)
                && issuer.issuer().equals(claims.path("iss").asText())
                && forThisAudience(claims.has("aud") ? claims.get("aud") : claims.path("client_id"))
                && claims.path("exp").isNumber() && claims.get("exp").asDouble() > now
                && notAfter(claims.get("nbf"), now) && notAfter(claims.get("iat"), now);
    }

    /** {@code aud} may be one string or a list of them. */
    private boolean forThisAudience(JsonNode claim) {
        return claim.isArray() ? elements(claim).anyMatch(a -> audience.contains(a.asText()))
                : claim.isTextual() && audience.contains(claim.asText());
    }

    /** An optional time claim: absent, or a number of seconds not after now. */
    private static boolean notAfter(JsonNode claim, long now) {
        return claim == null || claim.isNumber() && claim.asDouble() <= now;
    }

    private static Authorizer context(JsonNode claims) {
        Map<String, String> text = new LinkedHashMap<>();
        claims.fields().forEachRemaining(claim -> text.put(claim.getKey(), text(claim.getValue())));
        List<String> scopes = claims.has("scope") ? List.of(claims.get("scope").asText().split(" ")) : null;
        return Authorizer.builder().withJwt(Authorizer.JWT.builder().withClaims(text).withScopes(scopes).build()).build();
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            return elements(value).map(JsonNode::asText).collect(Collectors.joining(" ", "[", "]"));
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static Stream<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}

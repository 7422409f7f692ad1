package io.civicdesk.local;

import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.directory.StaffMember;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the staff user pool issues, locally: an RS256 key made at start (published as the issuer's JWKS) and ID
 * and access tokens of the shape Cognito gives them. The local sign-in page hands them out; tests take them from
 * {@code LocalStack.staffTokens()}, valid or wrong in one way, to see the gateway refuse what API Gateway would.
 */
public final class StaffTokens {
    /** The staff pages' app client, locally: the ID token's {@code aud}, the access token's {@code client_id}. */
    public static final String CLIENT_ID = "local-staff-portal";
    /** What StaffPortalClient may ask for (its AllowedOAuthScopes). */
    static final List<String> SCOPES = List.of("openid", "email", "profile");
    /** StaffPortalClient's IdTokenValidity and AccessTokenValidity. */
    static final Duration VALIDITY = Duration.ofHours(1);

    private final String issuer;
    private final String keyId = UUID.randomUUID().toString();
    private final KeyPair key = newKeyPair();

    StaffTokens(String issuer) {
        this.issuer = issuer;
    }

    /** An ID token as the staff pages hold one after signing in: valid for an hour from now. */
    public String idToken(StaffMember member) {
        return idTokenForAudience(member, CLIENT_ID);
    }

    /** An ID token that expired a minute ago. */
    public String expiredIdToken(StaffMember member) {
        return signed(idTokenClaims(member, Instant.now().minus(VALIDITY).minusSeconds(60), CLIENT_ID));
    }

    /** An ID token right in every claim, signed by a key the issuer never published (under the issuer's key ID). */
    public String idTokenSignedByAnotherKey(StaffMember member) {
        return Jwt.sign(keyId, idTokenClaims(member, Instant.now(), CLIENT_ID), newKeyPair().getPrivate());
    }

    /** An ID token issued to another app client. */
    public String idTokenForAudience(StaffMember member, String audience) {
        return signed(idTokenClaims(member, Instant.now(), audience));
    }

    /** The {@code Authorization} header's value that carries a token. */
    public String bearer(String token) {
        return "Bearer " + token;
    }

    /** {@code <base URL>/local-auth}: the ID token's {@code iss}, and where its JWKS is. */
    String issuer() {
        return issuer;
    }

    /**
     * Cognito's ID token claims: who (sub, name, email), the roles (cognito:groups, a JSON array), the unit
     * (custom:unit, only for those who have one), and for whom and until when.
     */
    Map<String, Object> idTokenClaims(StaffMember member, Instant issuedAt, String audience) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", member.id());
        claims.put("aud", audience);
        claims.put("cognito:groups", groups(member));
        if (member.unitId() != null) {
            claims.put("custom:unit", member.unitId());
        }
        claims.put("name", member.name());
        claims.put("email", member.email());
        claims.put("token_use", "id");
        claims.putAll(issuedBy(issuedAt));
        return claims;
    }

    /** Cognito's access token claims: no aud but client_id, and the scopes granted. */
    Map<String, Object> accessTokenClaims(StaffMember member, Instant issuedAt, String scope) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", member.id());
        claims.put("cognito:groups", groups(member));
        claims.put("client_id", CLIENT_ID);
        claims.put("token_use", "access");
        claims.put("scope", scope);
        claims.put("username", member.id());
        claims.put("jti", UUID.randomUUID().toString());
        claims.putAll(issuedBy(issuedAt));
        return claims;
    }

    String signed(Map<String, Object> claims) {
        return Jwt.sign(keyId, claims, key.getPrivate());
    }

    /** The issuer's public key under a token's {@code kid}, as API Gateway looks it up in the JWKS. */
    Optional<PublicKey> publicKey(String tokenKeyId) {
        return keyId.equals(tokenKeyId) ? Optional.of(key.getPublic()) : Optional.empty();
    }

    /** {@code /.well-known/jwks.json} under the issuer. */
    Map<String, Object> jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return Map.of("keys", List.of(Map.of("kty", "RSA", "alg", "RS256", "use", "sig", "kid", keyId,
                "n", unsigned(publicKey.getModulus()), "e", unsigned(publicKey.getPublicExponent()))));
    }

    private Map<String, Object> issuedBy(Instant issuedAt) {
        long seconds = issuedAt.getEpochSecond();
        return Map.of("iss", issuer, "auth_time", seconds, "iat", seconds, "exp", seconds + VALIDITY.toSeconds());
    }

    private static List<String> groups(StaffMember member) {
        return member.roles().stream().sorted().map(Role::group).toList();
    }

    /** A JWK number: big-endian, base64url, without the sign byte BigInteger adds. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return Jwt.encode(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
    }
}

package io.civicdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON Web Token signed with RS256, the only kind the local sign-in issues: its header and claims, and what
 * the signature covers. Parsing never throws and never reports the token: a token is a credential, and
 * Jackson's messages would quote it.
 */
record Jwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String ALGORITHM = "SHA256withRSA";

    static String sign(String keyId, Map<String, Object> claims, PrivateKey key) {
        try {
            String signingInput = encode(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)))
                    + "." + encode(JSON.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + encode(signer.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /** The token's parts, or empty when it is not three base64url parts with a JSON object header and claims. */
    static Optional<Jwt> parse(String token) {
        try {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(decoder.decode(parts[0]));
            JsonNode claims = JSON.readTree(decoder.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new Jwt(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    decoder.decode(parts[2])));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** RS256 over the header and claims, checked with the key; any other algorithm is refused. */
    boolean signedBy(PublicKey key) {
        if (!"RS256".equals(header.path("alg").asText())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}

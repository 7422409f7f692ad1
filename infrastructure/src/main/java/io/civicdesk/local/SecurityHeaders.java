package io.civicdesk.local;

import com.sun.net.httpserver.Headers;
import java.util.Map;

/**
 * The browser security headers of the portal, as CloudFront's {@code PortalSecurityHeadersPolicy} in template.yaml
 * sends them deployed (TemplateTest checks that the two agree). The local gateway sends them with every portal file
 * and with its own answers (404, 413, 500, ...), so the browser tests run under the policy a resident gets.
 */
public final class SecurityHeaders {
    /**
     * The pages run only the portal's own scripts and styles. Locally the API and the staff sign-in share the
     * portal's origin, so {@code connect-src 'self'} is all they need; deployed the policy adds the API's and
     * Cognito's hosts to it, and the photos bucket's (locally the bucket is on this origin too). Images may also
     * come from the map's tile server (OpenStreetMap's, as the portal's config.js names it). The staff pages install
     * to a phone's home screen from their own web app manifest.
     */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' https://tile.openstreetmap.org", "connect-src 'self'",
            "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "manifest-src 'self'");

    public static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff",
            // Browsers ignore it over plain http, as locally; sent all the same, so the headers are the deployed ones.
            "Strict-Transport-Security", "max-age=31536000");

    private SecurityHeaders() {
    }

    static void addTo(Headers headers) {
        HEADERS.forEach(headers::set);
    }
}

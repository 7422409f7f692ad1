package io.civicdesk.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The template's buckets on the portal's origin, path-style ({@code /{bucket}/{key}}), passed to moto's S3 as they
 * come: the browser posts a photo with its presigned form and shows presigned links as it would from S3, under
 * the portal's own Content-Security-Policy. Deployed, the browser talks to the bucket's own host instead.
 */
final class BucketProxy {
    /** S3 takes a POST of up to 5 GB and refuses it by its policy; this stand-in stops at twice the largest photo. */
    static final int MAX_BODY_BYTES = 20 * 1024 * 1024;
    private static final List<String> REQUEST_HEADERS = List.of("content-type", "range", "if-none-match");
    private static final List<String> RESPONSE_HEADERS = List.of("content-type", "etag", "last-modified", "location",
            "content-range", "cache-control");

    private final Set<String> buckets;
    private final String endpoint;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BucketProxy(Set<String> buckets, String endpoint) {
        this.buckets = Set.copyOf(buckets);
        this.endpoint = endpoint;
    }

    boolean serves(String path) {
        int end = path.indexOf('/', 1);
        return buckets.contains(end < 0 ? path.substring(1) : path.substring(1, end));
    }

    void forward(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                StaticFiles.send(exchange, 413, "text/plain; charset=utf-8", "Too large".getBytes());
                return;
            }
        }
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + exchange.getRequestURI().getRawPath()
                + (query == null ? "" : "?" + query))).method(exchange.getRequestMethod(), body.length == 0
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (REQUEST_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        SecurityHeaders.addTo(exchange.getResponseHeaders());
        response.headers().map().forEach((name, values) -> {
            if (RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] answer = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : response.body();
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}

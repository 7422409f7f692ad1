package io.civicdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Calls the API through the local gateway, as the portal does. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        /** Fails unless this is a 400 whose errors name {@code field}. */
        public void assertNames(String field) {
            org.junit.jupiter.api.Assertions.assertEquals(400, status, body);
            org.junit.jupiter.api.Assertions.assertNotNull(error(field), () -> "names " + field + ": " + body);
        }

        /** The message given for a field in a 400, or null. */
        public String error(String field) {
            for (JsonNode error : json().path("errors")) {
                if (error.path("field").asText().equals(field)) {
                    return error.path("message").asText();
                }
            }
            return null;
        }
    }

    public Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public Reply get(String path) {
        return get(path, Map.of());
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public Reply put(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public Reply delete(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        headers.forEach(request::header);
        return send(request);
    }

    /** A request of any method; {@code body} (JSON) may be null for none. */
    public Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        headers.forEach(request::header);
        return send(request);
    }

    /** The Authorization header of a demo member of staff (DemoData.staff()), signed by the local stack. */
    public static Map<String, String> signedInAs(String staffId) {
        io.civicdesk.directory.StaffMember member = io.civicdesk.demo.DemoData.staff().stream()
                .filter(m -> m.id().equals(staffId)).findFirst().orElseThrow();
        return signedInAs(member);
    }

    public static Map<String, String> signedInAs(io.civicdesk.directory.StaffMember member) {
        io.civicdesk.local.StaffTokens tokens = TestStack.get().staffTokens();
        return Map.of("Authorization", tokens.bearer(tokens.idToken(member)));
    }

    public Reply post(String path, Object body) {
        return post(path, Json.write(body), Map.of());
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("The local gateway did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

package io.civicdesk.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway in a running local stack, with test handlers behind a template written here. */
class LocalGatewayTest {
    private static final String TEMPLATE = """
            Globals:
              Function:
                Environment:
                  Variables:
                    GREETING: hello
            Resources:
              Echo:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.EchoHandler::handleRequest
                  Events:
                    Thing: { Type: HttpApi, Properties: { Method: GET, Path: '/things/{id}' } }
                    Post: { Type: HttpApi, Properties: { Method: POST, Path: '/things' } }
                    Files: { Type: HttpApi, Properties: { Method: GET, Path: '/files/{proxy+}' } }
              Typed:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.TypedHttpHandler::handleRequest
                  Events:
                    Hello: { Type: HttpApi, Properties: { Method: PUT, Path: '/hello/{name}' } }
              Plain:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.PlainJsonHandler::handleRequest
                  Events:
                    Plain: { Type: HttpApi, Properties: { Method: GET, Path: '/things/plain' } }
              Failing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: io.civicdesk.local.handlers.FailingHandler::handleRequest
                  Events:
                    Broken: { Type: HttpApi, Properties: { Method: GET, Path: '/broken' } }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path temp;
    private static Path portal;
    private static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        portal = Files.createDirectories(temp.resolve("portal"));
        Files.writeString(portal.resolve("index.html"), "<!doctype html><title>Home</title>");
        Files.writeString(portal.resolve("style.css"), "body { color: black }");
        Files.createDirectories(portal.resolve("empty"));
        Files.createDirectories(portal.resolve("_includes"));
        Files.writeString(portal.resolve("_includes/banner.html"), "<!--#params -->\n<header>The banner</header>\n");
        Files.writeString(portal.resolve("with-banner.html"), "<!doctype html><title>Banner</title>\n<!--#include banner -->\n<main>Page</main>\n");
        Files.writeString(temp.resolve("secret.txt"), "not for the web");
        stack = LocalStack.start(LocalStack.Options.defaults().template(TEMPLATE).portalDirectory(portal));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.baseUrl() + path));
    }

    private static JsonNode echoed(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = send(request);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void pathParametersAndRouteReachTheHandler() throws Exception {
        JsonNode event = echoed(request("/api/things/abc%20d"));

        assertEquals("GET /things/{id}", event.path("routeKey").asText());
        assertEquals("/things/abc d", event.path("rawPath").asText(), "HTTP APIs pass the decoded path");
        assertEquals("abc d", event.path("pathParameters").path("id").asText());
        assertEquals("files/a/b.txt", echoed(request("/api/files/files/a/b.txt")).path("pathParameters").path("proxy").asText());
    }

    @Test
    void eventHasThePayloadFormat2Fields() throws Exception {
        long before = System.currentTimeMillis();
        JsonNode event = echoed(request("/api/things/1?a=1&a=2&b=x%20y")
                .header("X-Custom-Header", "Value").header("User-Agent", "test-agent")
                .header("Cookie", "one=1; two=2"));

        assertEquals("2.0", event.path("version").asText());
        assertEquals("a=1&a=2&b=x%20y", event.path("rawQueryString").asText());
        assertEquals("1,2", event.path("queryStringParameters").path("a").asText());
        assertEquals("x y", event.path("queryStringParameters").path("b").asText());
        assertEquals("Value", event.path("headers").path("x-custom-header").asText());
        assertFalse(event.path("headers").has("cookie"), "cookies move to their own field");
        assertEquals(List.of("one=1", "two=2"), List.of(event.path("cookies").get(0).asText(), event.path("cookies").get(1).asText()));
        JsonNode context = event.path("requestContext");
        assertEquals("GET", context.path("http").path("method").asText());
        assertEquals("/things/1", context.path("http").path("path").asText());
        assertEquals("127.0.0.1", context.path("http").path("sourceIp").asText());
        assertEquals("test-agent", context.path("http").path("userAgent").asText());
        assertEquals("$default", context.path("stage").asText());
        assertEquals("GET /things/{id}", context.path("routeKey").asText());
        assertFalse(context.path("requestId").asText().isEmpty());
        assertTrue(context.path("timeEpoch").asLong() >= before);
        assertFalse(event.path("isBase64Encoded").asBoolean());
    }

    @Test
    void textBodiesArriveAsTextAndOthersInBase64() throws Exception {
        JsonNode json = echoed(request("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
        assertEquals("{\"a\":1}", json.path("body").asText());
        assertFalse(json.path("isBase64Encoded").asBoolean());

        JsonNode binary = echoed(request("/api/things").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})));
        assertTrue(binary.path("isBase64Encoded").asBoolean());
        assertArrayEquals(new byte[] {1, 2, 3}, Base64.getDecoder().decode(binary.path("body").asText()));
    }

    @Test
    void typedHandlerGetsTheEventsClassAndItsResponseIsApplied() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(request("/api/hello/ada").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(202, response.statusCode());
        assertEquals("PUT ada base64=false env=hello function=Typed", response.headers().firstValue("x-summary").orElseThrow());
        assertEquals("visited=yes; Path=/", response.headers().firstValue("set-cookie").orElseThrow());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, response.body(), "a base64 body is decoded");
    }

    @Test
    void resultWithoutStatusCodeIsA200WithThatJson() throws Exception {
        HttpResponse<String> response = send(request("/api/things/plain"));

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"routeKey\":\"GET /things/plain\"}", response.body());
    }

    @Test
    void unknownRouteIs404LikeApiGateway() throws Exception {
        HttpResponse<String> unknown = send(request("/api/nowhere"));
        HttpResponse<String> wrongMethod = send(request("/api/things/1").DELETE());

        assertEquals(404, unknown.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", unknown.body());
        assertEquals(404, wrongMethod.statusCode());
    }

    @Test
    void handlerFailureIs500WithoutDetails() throws Exception {
        HttpResponse<String> response = send(request("/api/broken"));

        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void bodyOverTenMegabytesIs413() throws Exception {
        byte[] tooBig = new byte[LocalGateway.MAX_BODY_BYTES + 1];
        HttpResponse<String> response = send(request("/api/things").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooBig)));

        assertEquals(413, response.statusCode());
        assertEquals(200, send(request("/api/things").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LocalGateway.MAX_BODY_BYTES]))).statusCode());
    }

    @Test
    void portalFilesAreServedWithTheirContentTypes() throws Exception {
        HttpResponse<String> index = send(request("/"));
        HttpResponse<String> css = send(request("/style.css"));

        assertEquals(200, index.statusCode());
        assertEquals("text/html; charset=utf-8", index.headers().firstValue("content-type").orElseThrow());
        assertTrue(index.body().contains("<title>Home</title>"));
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("content-type").orElseThrow());
        assertEquals(404, send(request("/missing.html")).statusCode());
        assertEquals(404, send(request("/empty/")).statusCode(), "no directory listing");
        assertEquals(404, send(request("/empty")).statusCode());
    }

    /** The portal as built: includes put in, the shared pieces themselves not served, and a source's edit shown at once. */
    @Test
    void thePortalIsServedBuiltAndBuiltAgainWhenASourceChanges() throws Exception {
        assertEquals("<!doctype html><title>Banner</title>\n<header>The banner</header>\n<main>Page</main>\n",
                send(request("/with-banner.html")).body());
        assertEquals(404, send(request("/_includes/banner.html")).statusCode(), "the pieces are sources only");

        Files.writeString(portal.resolve("edited.html"), "<!--#include banner -->\n<p>First</p>\n");
        assertTrue(send(request("/edited.html")).body().endsWith("<p>First</p>\n"));
        Files.writeString(portal.resolve("edited.html"), "<!--#include banner -->\n<p>Second, and longer</p>\n");
        assertEquals("<header>The banner</header>\n<p>Second, and longer</p>\n", send(request("/edited.html")).body());

        Files.writeString(portal.resolve("edited.html"), "<!--#include nothing -->\n");
        HttpResponse<String> broken = send(request("/edited.html"));
        assertEquals(500, broken.statusCode());
        assertTrue(broken.body().contains("edited.html includes nothing"), broken.body());
        Files.delete(portal.resolve("edited.html"));
        assertEquals(404, send(request("/edited.html")).statusCode(), "a source removed is gone from the portal");
        assertEquals(200, send(request("/")).statusCode());
    }

    /** The browser gets the deployed portal's security headers with every page, and with the gateway's own answers. */
    @Test
    void portalFilesAndTheGatewaysOwnAnswersCarryThePortalsSecurityHeaders() throws Exception {
        List<HttpResponse<String>> answers = List.of(send(request("/")), send(request("/style.css")), send(request("/config.js")),
                send(request("/missing.html")), send(request("/").DELETE()), send(request("/api/nowhere")),
                send(request("/api/broken")), send(request("/api/things").header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LocalGateway.MAX_BODY_BYTES + 1]))));
        assertEquals(List.of(200, 200, 200, 404, 405, 404, 500, 413), answers.stream().map(HttpResponse::statusCode).toList());
        for (HttpResponse<String> answer : answers) {
            SecurityHeaders.HEADERS.forEach((name, value) -> assertEquals(value, answer.headers().firstValue(name).orElse(null),
                    name + " on " + answer.request().method() + " " + answer.uri().getPath() + " (" + answer.statusCode() + ")"));
        }
        assertTrue(SecurityHeaders.HEADERS.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", SecurityHeaders.HEADERS.get("X-Content-Type-Options"));
    }

    @Test
    void nothingOutsideThePortalIsServed() throws Exception {
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/empty/..%2f..%2fsecret.txt", "/..%5csecret.txt")) {
            assertEquals(404, rawGetStatus(path), path);
        }
    }

    /** A request line sent as written: HTTP clients normalise "..", an attacker does not. */
    private static int rawGetStatus(String path) throws IOException {
        try (Socket socket = new Socket("localhost", URI.create(stack.baseUrl()).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().findFirst().orElse("");
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}

package io.civicdesk.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.civicdesk.platform.UrlEncoded;
import io.civicdesk.portal.PortalBuild;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * API Gateway (HTTP API, payload format 2.0), the CDN and Cognito's hosted UI in one local origin: the API's
 * routes under {@code /api}, the local sign-in under {@code /local-auth}, the built portal's files everywhere else, so
 * the browser needs no CORS. Each API request becomes the same event API Gateway sends, after the same token
 * checks on a route with a JWT authorizer; each result becomes the response API Gateway would make of it.
 * Request and response bodies and tokens are never logged: they hold residents' details and staff credentials.
 */
final class LocalGateway implements AutoCloseable {
    static final String API_PREFIX = "/api";
    /** API Gateway's limit on a request body. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENT =
            JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPEvent.class);
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);
    /**
     * Written here, not read from portal/config.js: the API on this origin, and staff sign-in at the local
     * stand-in for Cognito's hosted UI (a deployment writes its API URL, Cognito domain and app client instead).
     */
    private static final byte[] CONFIG_JS = """
            window.CIVICDESK = { api: "%s", auth: { authority: "%s", clientId: "%s", scope: "%s" } };
            """.formatted(API_PREFIX, LocalSignIn.PATH, StaffTokens.CLIENT_ID, String.join(" ", StaffTokens.SCOPES))
            .getBytes(StandardCharsets.UTF_8);

    private final RouteTable routes;
    private final StaticFiles portal;
    private volatile Map<String, LambdaFunction> functions;
    private volatile Map<String, LocalJwtAuthorizer> authorizers;
    private volatile LocalSignIn signIn;
    private volatile BucketProxy buckets;
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Takes {@code port} (0: any free port) on the loopback interface; requests wait until {@link #start}.
     *
     * @throws java.net.BindException when the port is taken
     */
    LocalGateway(int port, RouteTable routes, PortalBuild builtPortal) throws IOException {
        this.routes = routes;
        this.portal = new StaticFiles(builtPortal);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "local-gateway");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Serves requests: each route goes to the function of that logical ID, through the authorizer of its route
     * key if it has one; {@code /local-auth} to the sign-in; {@code /{bucket}/...} to the bucket.
     */
    void start(Map<String, LambdaFunction> functionsById, Map<String, LocalJwtAuthorizer> authorizersByRouteKey,
               LocalSignIn staffSignIn, BucketProxy bucketProxy) {
        this.buckets = bucketProxy;
        this.functions = Map.copyOf(functionsById);
        this.authorizers = Map.copyOf(authorizersByRouteKey);
        this.signIn = staffSignIn;
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            if (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")) {
                api(exchange, path.substring(API_PREFIX.length()));
            } else if (path.startsWith(LocalSignIn.PATH + "/")) {
                signIn.handle(exchange);
            } else if (buckets.serves(path)) {
                buckets.forward(exchange);
            } else if (path.equals("/config.js")) {
                StaticFiles.send(exchange, 200, "text/javascript; charset=utf-8", CONFIG_JS);
            } else {
                portal.serve(exchange);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("local gateway: " + exchange.getRequestMethod() + " failed: " + e);
            exchange.close();
        }
    }

    private void api(HttpExchange exchange, String apiPath) throws IOException {
        String method = exchange.getRequestMethod();
        String path = apiPath.isEmpty() ? "/" : apiPath;
        byte[] body = readBody(exchange);
        if (body == null) {
            sendJson(exchange, 413, "Request Entity Too Large");
            return;
        }
        RouteTable.Match match = routes.match(method, path).orElse(null);
        if (match == null) {
            sendJson(exchange, 404, "Not Found");
            return;
        }
        long started = System.nanoTime();
        LambdaFunction function = functions.get(match.route().functionId());
        LocalJwtAuthorizer authorizer = authorizers.get(match.route().routeKey());
        Authorizer authorized = null;
        if (authorizer != null) {
            authorized = authorizer.authorize(exchange.getRequestHeaders()).orElse(null);
            if (authorized == null) {
                sendJson(exchange, 401, "Unauthorized");
                System.out.printf("%s -> 401 (token refused)%n", match.route().routeKey());
                return;
            }
        }
        byte[] result;
        try {
            result = function.invoke(event(exchange, path, match, body, authorized));
        } catch (Exception e) {
            // What Lambda would log for an unhandled error; API Gateway then answers a bare 500.
            System.err.println(match.route().functionId() + " failed on " + match.route().routeKey() + ":");
            e.printStackTrace();
            sendJson(exchange, 500, "Internal Server Error");
            return;
        }
        int status = respond(exchange, result);
        System.out.printf("%s -> %s %d (%d ms)%n", match.route().routeKey(),
                function.definition().logicalId(), status, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The body, or null when it is over API Gateway's limit. An oversized body is still read to its end (and
     * dropped): closing on unread data would reset the connection before the client reads the 413.
     */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return null;
            }
            return body;
        }
    }

    /** {@code authorizer}: what the route's authorizer passes on (the token's claims), or null on a public route. */
    private byte[] event(HttpExchange exchange, String path, RouteTable.Match match, byte[] body, Authorizer authorizer) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(value -> Arrays.stream(value.split(";")).map(String::trim)
                        .filter(cookie -> !cookie.isEmpty()).forEach(cookies::add));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        headers.put("x-forwarded-for", sourceIp);
        headers.put("x-forwarded-proto", "http");
        headers.put("x-forwarded-port", Integer.toString(port()));
        // The API is served under /api here (the portal beside it); deployed it is at the root of its own host.
        headers.put("x-forwarded-prefix", API_PREFIX);
        String rawQuery = exchange.getRequestURI().getRawQuery();
        boolean binary = body.length > 0 && !isText(headers.get("content-type"));
        String routeKey = match.route().routeKey();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String requestId = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withBody(body.length == 0 ? null
                        : binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8))
                .withIsBase64Encoded(binary)
                .withRequestContext(RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withAccountId(LocalStack.ACCOUNT_ID)
                        .withApiId("local")
                        .withDomainName(headers.getOrDefault("host", "localhost"))
                        .withDomainPrefix("local")
                        .withStage("$default")
                        .withRequestId(requestId)
                        .withAuthorizer(authorizer)
                        .withTime(REQUEST_TIME.format(now))
                        .withTimeEpoch(now.toInstant().toEpochMilli())
                        .withHttp(RequestContext.Http.builder()
                                .withMethod(exchange.getRequestMethod())
                                .withPath(path)
                                .withProtocol(exchange.getProtocol())
                                .withSourceIp(sourceIp)
                                .withUserAgent(headers.getOrDefault("user-agent", ""))
                                .build())
                        .build())
                .build();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        EVENT.toJson(event, json);
        return json.toByteArray();
    }

    /** API Gateway passes textual media types as text and base64-encodes everything else. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded");
    }

    /** Decoded; a repeated name's values joined with commas, as in payload format 2.0. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        UrlEncoded.parse(rawQuery).forEach((name, values) -> parameters.put(name, String.join(",", values)));
        return parameters;
    }

    /**
     * Payload format 2.0's response rules: an object with a statusCode gives status, headers, cookies and body;
     * any other JSON is a 200 with that JSON as its body.
     */
    private static int respond(HttpExchange exchange, byte[] result) throws IOException {
        JsonNode response = JSON.readTree(result);
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            send(exchange, 200, result);
            return 200;
        }
        Headers headers = exchange.getResponseHeaders();
        response.path("headers").fields().forEachRemaining(h -> headers.set(h.getKey(), h.getValue().asText()));
        response.path("multiValueHeaders").fields().forEachRemaining(h -> h.getValue()
                .forEach(value -> headers.add(h.getKey(), value.asText())));
        response.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asText()));
        JsonNode body = response.path("body");
        byte[] bytes = body.isTextual()
                ? response.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        int status = response.get("statusCode").asInt();
        send(exchange, status, bytes);
        return status;
    }

    /** The gateway's own answers: API Gateway's bodies, with the portal's security headers (the same origin). */
    private static void sendJson(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        SecurityHeaders.addTo(exchange.getResponseHeaders());
        send(exchange, status, JSON.writeValueAsBytes(Map.of("message", message)));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

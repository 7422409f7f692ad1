package io.civicdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The local stand-in for Stripe: the part of its API the product calls ({@code POST /v1/checkout/sessions},
 * {@code POST /v1/refunds}, with the secret key as bearer and idempotency keys honoured), a hosted payment page per
 * session ({@code /pay/{id}}: the amount, "Pay" and "Decline"), and the webhook each choice sends to the product,
 * signed as Stripe signs ({@code Stripe-Signature: t=…,v1=HMAC-SHA256}), before sending the resident back. Its home
 * page lists every checkout and refund. Times are the stack's clock, so a stack started {@code --now} is believed.
 * {@link #fail} makes its API fail as Stripe's does when it is down (tests, or {@code POST /fault} by hand).
 */
public final class PaymentPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the API answers: as it should, with Stripe's 500, or not at all (the connection dropped, as a timeout ends). */
    public enum Fault { NONE, SERVER_ERROR, NO_ANSWER }

    private record Session(String id, long amountCents, String description, String successUrl, String cancelUrl,
                           Map<String, String> metadata, String reference, String paymentIntent) {
    }

    private final HttpServer server;
    private final String secretKey;
    private final String webhookSecret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> sessionStates = new ConcurrentHashMap<>();
    private final Map<String, String> answered = new ConcurrentHashMap<>();
    private final List<String> refunds = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile String webhookUrl;
    private volatile Fault fault = Fault.NONE;

    public PaymentPage(String secretKey, String webhookSecret, Clock clock) {
        this.secretKey = secretKey;
        this.webhookSecret = webhookSecret;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-payment-page");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The stand-in's home page, and the API base the Stripe adapter is pointed at. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    String secretKey() {
        return secretKey;
    }

    String webhookSecret() {
        return webhookSecret;
    }

    /** Every refund asked for: "id payment_intent amount". */
    public List<String> refunds() {
        return List.copyOf(refunds);
    }

    /** From now on the API (not the hosted page, nor the webhooks it sends) answers as {@code fault} says. */
    public void fail(Fault fault) {
        this.fault = fault;
    }

    /** Where the product takes Stripe's webhooks. */
    public void sendWebhooksTo(String url) {
        this.webhookUrl = url;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.startsWith("/v1/") && fault == Fault.NO_ANSWER) {
                exchange.getRequestBody().readAllBytes();
                // Closed with no answer: the adapter sees the connection fail, as when its read timeout ends.
            } else if (method.equals("POST") && path.startsWith("/v1/") && fault == Fault.SERVER_ERROR) {
                send(exchange, 500, "application/json", "{\"error\":{\"type\":\"api_error\",\"message\":\"Stand-in fault: Stripe is down\"}}");
            } else if (method.equals("POST") && path.startsWith("/v1/")) {
                api(exchange, path);
            } else if (method.equals("POST") && path.equals("/fault")) {
                String mode = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).strip();
                fail(Fault.valueOf(mode.isEmpty() ? "NONE" : mode.toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
                send(exchange, 200, "text/plain; charset=utf-8", "API fault: " + fault);
            } else if (method.equals("GET") && path.startsWith("/pay/") && sessions.containsKey(path.substring(5))) {
                String id = path.substring(5);
                send(exchange, 200, "text/html; charset=utf-8", page(sessions.get(id), sessionStates.get(id)));
            } else if (method.equals("POST") && path.matches("/pay/[^/]+/(pay|decline)")) {
                String id = path.substring(5, path.lastIndexOf('/'));
                Session session = sessions.get(id);
                if (session == null || !"open".equals(sessionStates.get(id))) {
                    send(exchange, 409, "text/plain; charset=utf-8", "This checkout is not open any more.");
                    return;
                }
                boolean pay = path.endsWith("/pay");
                if (pay) {
                    sessionStates.put(id, "complete");
                }
                deliver(pay ? completed(session) : failed(session));
                exchange.getResponseHeaders().add("Location", pay ? session.successUrl() : session.cancelUrl());
                exchange.sendResponseHeaders(303, -1);
            } else if (method.equals("GET") && path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", home());
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found");
            }
        }
    }

    /** Stripe's API: bearer secret key, form-encoded parameters, an idempotency key answering the same again. */
    private void api(HttpExchange exchange, String path) throws IOException {
        if (!("Bearer " + secretKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String earlier = key == null ? null : answered.get(path + " " + key);
        if (earlier != null) {
            send(exchange, 200, "application/json", earlier);
            return;
        }
        String answer;
        if (path.equals("/v1/checkout/sessions")) {
            Map<String, String> metadata = new LinkedHashMap<>();
            form.forEach((name, value) -> {
                if (name.startsWith("metadata[")) {
                    metadata.put(name.substring(9, name.length() - 1), value);
                }
            });
            Session session = new Session("cs_test_" + token(), Long.parseLong(form.get("line_items[0][price_data][unit_amount]")),
                    form.get("line_items[0][price_data][product_data][name]"), form.get("success_url"), form.get("cancel_url"),
                    metadata, form.get("client_reference_id"), "pi_test_" + token());
            sessions.put(session.id(), session);
            sessionStates.put(session.id(), "open");
            answer = JSON.writeValueAsString(session(session, "open", "unpaid"));
        } else if (path.matches("/v1/checkout/sessions/[^/]+/expire") && sessions.containsKey(path.split("/")[4])) {
            String id = path.split("/")[4];
            if (!"open".equals(sessionStates.get(id))) {
                send(exchange, 400, "application/json", "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Only open sessions can be expired\"}}");
                return;
            }
            sessionStates.put(id, "expired");
            answer = JSON.writeValueAsString(session(sessions.get(id), "expired", "unpaid"));
        } else if (path.equals("/v1/refunds")) {
            String id = "re_test_" + token();
            refunds.add(id + " " + form.get("payment_intent") + " " + form.get("amount"));
            ObjectNode refund = JSON.createObjectNode().put("id", id).put("object", "refund").put("status", "succeeded")
                    .put("amount", Long.parseLong(form.get("amount"))).put("currency", "aud").put("payment_intent", form.get("payment_intent"));
            answer = JSON.writeValueAsString(refund);
        } else {
            send(exchange, 404, "application/json", "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
            return;
        }
        if (key != null) {
            answered.put(path + " " + key, answer);
        }
        send(exchange, 200, "application/json", answer);
    }

    private ObjectNode session(Session session, String status, String paymentStatus) {
        ObjectNode node = JSON.createObjectNode().put("id", session.id()).put("object", "checkout.session")
                .put("url", url() + "/pay/" + session.id()).put("amount_total", session.amountCents()).put("currency", "aud")
                .put("status", status).put("payment_status", paymentStatus).put("client_reference_id", session.reference())
                .put("payment_intent", session.paymentIntent()).put("mode", "payment");
        node.set("metadata", JSON.valueToTree(session.metadata()));
        return node;
    }

    private ObjectNode completed(Session session) {
        return event("checkout.session.completed", session(session, "complete", "paid"));
    }

    private ObjectNode failed(Session session) {
        ObjectNode intent = JSON.createObjectNode().put("id", session.paymentIntent()).put("object", "payment_intent")
                .put("amount", session.amountCents()).put("currency", "aud").put("status", "requires_payment_method");
        intent.set("metadata", JSON.valueToTree(session.metadata()));
        intent.set("last_payment_error", JSON.createObjectNode().put("type", "card_error").put("code", "card_declined"));
        return event("payment_intent.payment_failed", intent);
    }

    private ObjectNode event(String type, ObjectNode object) {
        ObjectNode event = JSON.createObjectNode().put("id", "evt_test_" + token()).put("object", "event")
                .put("api_version", "2025-07-30.basil").put("created", clock.instant().getEpochSecond()).put("type", type)
                .put("livemode", false).put("pending_webhooks", 1);
        event.set("data", JSON.createObjectNode().set("object", object));
        return event;
    }

    /** Sends the event as Stripe does: the payload signed with the endpoint's secret, now on the stack's clock. */
    private void deliver(ObjectNode event) throws IOException {
        String payload = JSON.writeValueAsString(event);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").header("Stripe-Signature", signature(payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                System.err.println("local payment page: the webhook answered " + answer.statusCode() + " " + answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** {@code t={seconds},v1={hex HMAC-SHA256 of "t.payload"}}: Stripe's scheme, computed by Stripe's library. */
    public String signature(String payload) {
        return signature(payload, clock.instant());
    }

    /** The signature as Stripe would have made it at {@code at} (a test's replayed event). */
    public String signature(String payload, java.time.Instant at) {
        long t = at.getEpochSecond();
        try {
            return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(webhookSecret, t + "." + payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String page(Session session, String state) {
        String amount = String.format("$%d.%02d", session.amountCents() / 100, session.amountCents() % 100);
        String choices = "open".equals(state) ? """
                <form method="post" action="/pay/%1$s/pay"><button class="pay" type="submit">Pay %2$s</button></form>
                <form method="post" action="/pay/%1$s/decline"><button class="decline" type="submit">Decline</button></form>"""
                .formatted(session.id(), amount) : "<p>This checkout is " + state + ": it cannot be paid any more.</p>";
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Pay %1$s (local stand-in payment page)</title>
                <style>body{font-family:Arial,sans-serif;font-size:18px;line-height:1.5;color:#0b0c0c;margin:0 auto;max-width:32rem;padding:1rem}
                button{font-size:1.1rem;padding:.7rem 1.2rem;margin:.4rem .4rem .4rem 0;border:2px solid #0b0c0c;border-radius:4px;cursor:pointer}
                .pay{background:#00703c;color:#fff;border-color:#00703c}.decline{background:#fff;color:#0b0c0c}
                .note{background:#fff7bf;padding:.6rem;border-left:5px solid #b58800}</style></head>
                <body><main><p class="note">Local stand-in for Stripe's hosted checkout: no card is asked for and no money moves.</p>
                <h1>Pay %1$s</h1><p>%2$s</p>
                %3$s
                </main></body></html>""".formatted(amount, escape(session.description()), choices);
    }

    private String home() {
        StringBuilder rows = new StringBuilder();
        sessions.values().forEach(s -> rows.append("<li><a href=\"/pay/").append(s.id()).append("\">").append(s.id()).append("</a> ")
                .append(escape(s.description())).append(", ").append(s.amountCents()).append(" cents: ")
                .append(sessionStates.get(s.id())).append("</li>"));
        refunds.forEach(r -> rows.append("<li>refund ").append(escape(r)).append("</li>"));
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Local payments</title></head><body><main>"
                + "<h1>Local payments (stand-in for Stripe)</h1><ul>" + rows + "</ul></main></body></html>";
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private String token() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

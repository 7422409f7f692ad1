package io.civicdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local SMS: the product texts through SNS Publish, which moto's SNS takes and keeps (nothing leaves the
 * machine); this page, beside the mailbox, shows every text moto kept, newest first, with its links clickable.
 * {@link #messages()} gives the tests the same list.
 */
public final class TextsPage implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** A text as SNS took it: the phone number in E.164 and the message. */
    public record Message(String messageId, String phoneNumber, String text) {
    }

    private final String motoEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpServer server;

    TextsPage(String motoEndpoint) {
        this.motoEndpoint = motoEndpoint;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-texts-page");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The page that lists every text. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Every text SNS took since the stack started, oldest first. */
    public List<Message> messages() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(motoEndpoint + "/civicdesk/texts"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<Message> messages = new ArrayList<>();
            for (JsonNode text : JSON.readTree(response.body()).path("texts")) {
                messages.add(new Message(text.path("messageId").asText(), text.path("phoneNumber").asText(),
                        text.path("message").asText()));
            }
            return List.copyOf(messages);
        } catch (IOException e) {
            throw new UncheckedIOException("moto is not reachable at " + motoEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The texts sent to one number, oldest first. */
    public List<Message> to(String phoneNumber) {
        return messages().stream().filter(message -> message.phoneNumber().equals(phoneNumber)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            List<Message> messages = new ArrayList<>(messages());
            java.util.Collections.reverse(messages);
            StringBuilder rows = new StringBuilder();
            for (Message message : messages) {
                rows.append("<li><p class=\"to\">To ").append(escape(message.phoneNumber())).append("</p><p dir=\"auto\">")
                        .append(linked(message.text())).append("</p></li>");
            }
            String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Texts (local SMS)</title>"
                    + "<style>body{font-family:Arial,sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem;color:#0b0c0c}"
                    + "ol{list-style:none;padding:0}li{border:1px solid #b1b4b6;border-radius:8px;padding:.5rem 1rem;margin:.5rem 0}"
                    + ".to{font-weight:bold;margin:0}a{color:#1d70b8;word-break:break-all}</style></head><body>"
                    + "<h1>Texts</h1><p>Every text message the product sent through SNS (moto keeps them; none left this machine), "
                    + "newest first. Reload to see new ones.</p>"
                    + (messages.isEmpty() ? "<p>No texts yet.</p>" : "<ol>" + rows + "</ol>") + "</body></html>";
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String linked(String text) {
        Matcher links = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (links.find()) {
            out.append(escape(text.substring(last, links.start())));
            String link = escape(links.group());
            out.append("<a href=\"").append(link).append("\">").append(link).append("</a>");
            last = links.end();
        }
        return out.append(escape(text.substring(last))).toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

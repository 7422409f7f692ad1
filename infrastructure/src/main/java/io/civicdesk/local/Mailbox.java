package io.civicdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local SES: aws-ses-v2-local (npm) in a node child process on its own port. It accepts SES v2 SendEmail,
 * keeps every mail in memory and shows them on its web page ({@link #url()}). Stop and start it again to see
 * how the product copes with SES being down; it comes back on the same port, empty.
 */
public final class Mailbox implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(20);

    /** A mail as SES received it. {@code html} and {@code text} are empty strings when the mail had none. */
    public record Message(String messageId, String from, List<String> to, List<String> cc, List<String> bcc,
                          List<String> replyTo, String subject, String html, String text,
                          List<Attachment> attachments, Instant at) {
    }

    public record Attachment(String filename, String contentType, byte[] content) {
    }

    private final Path cli;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;

    Mailbox(Path cli, int port) {
        this.cli = cli;
        this.port = port;
    }

    /** The web page that lists every mail, and the endpoint SES clients are pointed at. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** Starts the server (again, on the same port) and waits until it answers. */
    public synchronized void start() {
        if (process != null) {
            return;
        }
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: build the infrastructure module (it runs npm ci)");
        }
        try {
            log = Files.createTempFile("aws-ses-v2-local", ".log");
            process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start node for aws-ses-v2-local: is Node.js installed?", e);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!healthy()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String output = readLog();
                stop();
                throw new IllegalStateException("aws-ses-v2-local did not start on port " + port + ":\n" + output);
            }
            sleep(100);
        }
    }

    /** Stops the server: SES calls then fail to connect, as when SES is unreachable. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A temporary file: the system cleans it up.
        }
    }

    /** Every mail received since the start or the last {@link #clear()}, oldest first. */
    public List<Message> messages() {
        JsonNode store = get("/store");
        List<Message> messages = new ArrayList<>();
        for (JsonNode mail : store.path("emails")) {
            List<Attachment> attachments = new ArrayList<>();
            mail.path("attachments").forEach(a -> attachments.add(new Attachment(a.path("filename").asText(null),
                    a.path("contentType").asText(), Base64.getDecoder().decode(a.path("content").asText()))));
            JsonNode destination = mail.path("destination");
            messages.add(new Message(mail.path("messageId").asText(), mail.path("from").asText(),
                    strings(destination.path("to")), strings(destination.path("cc")), strings(destination.path("bcc")),
                    strings(mail.path("replyTo")), mail.path("subject").asText(), mail.path("body").path("html").asText(""),
                    mail.path("body").path("text").asText(""), List.copyOf(attachments),
                    Instant.ofEpochSecond(mail.path("at").asLong())));
        }
        return List.copyOf(messages);
    }

    /** Empties the store. */
    public void clear() {
        send(HttpRequest.newBuilder(URI.create(url() + "/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public void close() {
        stop();
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url() + "/health-check")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url() + path)).GET()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("aws-ses-v2-local answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("aws-ses-v2-local is not reachable at " + url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for aws-ses-v2-local", e);
        }
    }
}

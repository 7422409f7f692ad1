package io.civicdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local DynamoDB, DynamoDB Streams and Cognito user pools: moto's server (Apache-2.0, Python) in a child process, in memory, on a
 * port it takes itself and prints, so no other process can take the port first. {@code moto_local.py} serves one
 * request at a time (moto does not isolate concurrent transactions) and stops when this JVM goes, however it goes.
 */
final class MotoServer implements AutoCloseable {
    static final String INSTALL = "pip install 'moto[server]==5.2.1'";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("^moto listening on (\\d+)$", Pattern.MULTILINE);

    private final Process process;
    private final Path log;
    private final int port;

    /**
     * Starts {@code python3 launcher} and waits until a DynamoDB call is answered. A user created with an email in
     * {@code fixedSubs} gets the sub given there (the demo's staff keep their ids); anyone else a random one.
     */
    MotoServer(Path launcher, Map<String, String> fixedSubs) throws IOException {
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException(launcher + " is missing: run from a CivicDesk checkout");
        }
        log = Files.createTempFile("moto", ".log");
        ProcessBuilder builder = new ProcessBuilder("python3", launcher.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The account in every ARN moto makes, as the stack's pseudo parameter AWS::AccountId says.
        builder.environment().put("MOTO_ACCOUNT_ID", LocalStack.ACCOUNT_ID);
        builder.environment().put("CIVICDESK_FIXED_SUBS", new ObjectMapper().writeValueAsString(fixedSubs));
        try {
            process = builder.start();
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw new IllegalStateException("Cannot start python3 for the local DynamoDB (moto): install Python 3"
                    + " and then " + INSTALL, e);
        }
        port = awaitPort();
        awaitAnswer();
    }

    /** What DynamoDB, DynamoDB Streams and Cognito user pool clients are pointed at. */
    String endpoint() {
        return "http://localhost:" + port;
    }

    private int awaitPort() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            OptionalInt printed = printedPort();
            if (printed.isPresent()) {
                return printed.getAsInt();
            }
            failIfGone(deadline, "did not start");
            sleep();
        }
    }

    /** The first call loads moto's DynamoDB backend, which takes a moment; a ListTables answered means ready. */
    private void awaitAnswer() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        // moto reads the service and region off the credential scope and checks no signature.
        HttpRequest listTables = HttpRequest.newBuilder(URI.create(endpoint()))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/" + LocalStack.REGION
                        + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            try {
                if (http.send(listTables, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not answering yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for moto", e);
            }
            failIfGone(deadline, "did not answer on port " + port);
            sleep();
        }
    }

    private OptionalInt printedPort() {
        Matcher matcher = LISTENING.matcher(readLog());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    private void failIfGone(long deadline, String what) {
        if (process.isAlive() && System.nanoTime() < deadline) {
            return;
        }
        String output = readLog();
        close();
        String hint = output.contains("ModuleNotFoundError") ? "\nmoto and its server extras are needed: " + INSTALL : "";
        throw new IllegalStateException("The local DynamoDB (moto) " + what + ":\n" + output + hint);
    }

    /** Stops the server and anything it started; its tables are gone. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A temporary file: the system cleans it up.
        }
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for moto", e);
        }
    }
}

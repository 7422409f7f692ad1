package io.civicdesk.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.notify.MailSenderHandler;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.SubmitRequestHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Texts (docs/sms.md) in AWS calls: a report by a resident who chose texts (the confirmation text written to the
 * outbox in the report's own transaction), and the mail sender sending a batch of new texts from the outbox's stream
 * (claim, SNS Publish, mark sent: per text) and the same batch as the retry sweep finds it. The real handlers, warm,
 * in process against the local stack (moto's DynamoDB and SNS), every SDK call counted by {@link CallCounter}.
 */
public final class SmsBenchmarks {
    /** A stream batch as the template's BatchSize delivers it. */
    static final int BATCH = 10;

    private final List<String[]> rows = new ArrayList<>();
    private final SubmitRequestHandler submit = new SubmitRequestHandler();
    private final MailSenderHandler sender = new MailSenderHandler();
    private final OutboxStore outbox = new OutboxStore(AwsClients.dynamoDb(), Config.require("OUTBOX_TABLE"));

    private SmsBenchmarks() {
    }

    static Table measure(List<Path> functionClasspath) throws Exception {
        Table table = new Table("Texts: AWS calls per operation",
                "How measured: the real SubmitRequestHandler and MailSenderHandler, warm, invoked in process against the local"
                        + " stack (moto's DynamoDB and SNS, event sources off), every SDK call counted; the batch is " + BATCH
                        + " texts, a stream batch as the template delivers it.",
                "Operation", "DynamoDB calls", "By DynamoDB operation", "Items read", "Items written", "SNS calls");
        CountingClassLoader.runCounted(functionClasspath, SmsBenchmarks.class).forEach(row -> table.add((Object[]) row));
        return table;
    }

    /** Inside the counting class loader. */
    public static List<String[]> run() throws IOException {
        SmsBenchmarks bench = new SmsBenchmarks();
        bench.submitOne();
        bench.drain();
        bench.submitOne();
        bench.record("POST /requests, a resident who chose texts (confirmation text in the same transaction)");
        bench.drain();

        List<String> texts = bench.submitted(BATCH);
        CallCounter.takeAll();
        JsonNode sent = bench.invoke(bench.newTexts(texts));
        bench.record("Mail sender: stream event, " + BATCH + " new texts (sent " + sent.path("sent").asInt() + ")");

        List<String> retried = bench.submitted(BATCH);
        CallCounter.takeAll();
        JsonNode swept = bench.invoke(Events.scheduled());
        bench.record("Mail sender: retry sweep, " + retried.size() + " texts due (sent " + swept.path("sent").asInt() + ")");
        return bench.rows;
    }

    /** Uncounted: sends whatever waits in the outbox (the demo's mail, the warm-up's text), so only this run's are due. */
    private void drain() throws IOException {
        while (invoke(Events.scheduled()).path("sent").asInt() > 0) {
            CallCounter.takeAll();
        }
        CallCounter.takeAll();
    }

    private void submitOne() {
        var event = Events.http(Events.SUBMIT_ROUTE, Map.of(), Map.of("content-type", "application/json",
                "idempotency-key", java.util.UUID.randomUUID().toString()), smsReport());
        var response = submit.handleRequest(event, new BenchContext("SubmitRequestHandler"));
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("POST /requests answered " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    /** {@code count} reports by texting residents, uncounted: the outbox ids of their confirmation texts. */
    private List<String> submitted(int count) {
        for (int i = 0; i < count; i++) {
            submitOne();
        }
        List<String> due = outbox.due(Instant.now(), count + 1);
        if (due.size() != count) {
            throw new IllegalStateException("Expected " + count + " texts due, found " + due.size());
        }
        CallCounter.takeAll();
        return due;
    }

    private static String smsReport() {
        ObjectNode report;
        try {
            report = (ObjectNode) Json.MAPPER.readTree(Events.report());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ((ObjectNode) report.get("contact")).remove("email");
        report.put("preferredChannel", "sms");
        return Json.write(report);
    }

    /** One stream event naming every text, as the outbox's stream hands a batch of INSERTs to the sender. */
    private byte[] newTexts(List<String> ids) throws IOException {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String id : ids) {
            records.add(Json.MAPPER.readTree(Events.newMail(id)).get("Records").get(0));
        }
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ((RequestStreamHandler) sender).handleRequest(new ByteArrayInputStream(event), output, new BenchContext("MailSenderHandler"));
        return Json.MAPPER.readTree(output.toByteArray());
    }

    private void record(String operation) {
        Map<String, CallCounter.Tally> tallies = CallCounter.takeAll();
        CallCounter.DynamoDbTotals totals = CallCounter.DynamoDbTotals.of(tallies);
        int sns = tallies.entrySet().stream().filter(entry -> entry.getKey().startsWith("Sns "))
                .mapToInt(entry -> entry.getValue().calls()).sum();
        rows.add(new String[] {operation, Integer.toString(totals.calls()), totals.byOperation(), Long.toString(totals.itemsRead()),
                Long.toString(totals.itemsWritten()), Integer.toString(sns)});
    }
}

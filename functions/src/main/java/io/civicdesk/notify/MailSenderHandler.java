package io.civicdesk.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.AwsClients;
import io.civicdesk.platform.Clocks;
import io.civicdesk.platform.Config;
import io.civicdesk.platform.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail sender function. Two triggers share it: the outbox table's stream, whose records name new mail to
 * send now, and a schedule, whose event means "send whatever is due again". A stream handler is used so one
 * class can take both shapes of event.
 */
public final class MailSenderHandler implements RequestStreamHandler {
    private final MailSender sender;

    public MailSenderHandler() {
        this(new MailSender(new OutboxStore(AwsClients.dynamoDb(), Config.require("OUTBOX_TABLE")),
                new SesMailer(AwsClients.sesV2(), Config.require("MAIL_FROM")), Clocks.fromConfig()));
    }

    public MailSenderHandler(MailSender sender) {
        this.sender = sender;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        MailSender.Outcome outcome = event.has("Records") ? sender.send(newMailIds(event)) : sender.sendDue();
        output.write(Json.write(outcome).getBytes(StandardCharsets.UTF_8));
    }

    /** New outbox items only: the sender's own updates to a mail come back on the stream as MODIFY. */
    static List<String> newMailIds(JsonNode event) {
        List<String> ids = new ArrayList<>();
        for (JsonNode record : event.get("Records")) {
            if ("INSERT".equals(record.path("eventName").asText())) {
                String pk = record.path("dynamodb").path("Keys").path("pk").path("S").asText();
                if (pk.startsWith("MAIL#")) {
                    ids.add(pk.substring("MAIL#".length()));
                }
            }
        }
        return ids;
    }
}

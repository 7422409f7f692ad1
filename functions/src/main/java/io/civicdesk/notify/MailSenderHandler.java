package io.civicdesk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.EventHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The mail sender function. Two triggers share it: the outbox table's stream, whose records name new mail to
 * send now, and a schedule, whose event means "send whatever is due again".
 */
public final class MailSenderHandler extends EventHandler {
    private final MailSender sender;

    public MailSenderHandler() {
        this(MailWiring.mailSender());
    }

    public MailSenderHandler(MailSender sender) {
        this.sender = sender;
    }

    @Override
    protected MailSender.Outcome handle(JsonNode event) {
        return event.has("Records") ? sender.send(newMailIds(event)) : sender.sendDue();
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

package io.civicdesk.notify;

import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The outbox: every mail and text, written in the same transaction as the change that causes it, then sent.
 *
 * <pre>
 * pk          attributes
 * MAIL#{id}   to, subject, text, html, purpose, reference, createdAt, attempts, status (pending|sent|failed|withdrawn)
 *             recipient = email#{to, lower-case} → index ByRecipient (keys only): privacy finds a resident's mail
 *             attachments — a list of {filename, contentType, content (binary)}, only on mail that has any
 *             channel = "sms" on a text: to is a phone number (E.164) and text its body; no subject or html.
 *             (Texts share the MAIL# keys, the stream and the sweep, so one sender sends both, each once.)
 *             queue = "pending" and nextAttemptAt (epoch ms) — only while the mail still waits
 *             claimedUntil (epoch ms) — a sender is sending it; others keep off until then
 *             sentAt, messageId, lastError (an error code, never content), expiresAt (TTL, once finished)
 * </pre>
 *
 * Index {@code PendingByNextAttempt} (queue, nextAttemptAt) is sparse: a mail leaves it the moment it is sent
 * or given up, so the retry sweep reads only mail that is waiting and due. The table's stream hands each new
 * mail to the sender at once; the sweep picks up whatever a failed send left behind.
 */
public final class OutboxStore {
    static final String INDEX = "PendingByNextAttempt";
    private static final String PENDING = "pending";
    private static final String SMS = "sms";
    /** How long a sender may take over one mail before another may try it. */
    static final Duration CLAIM = Duration.ofSeconds(60);
    /** Sent mail is kept a while as the record of what was sent, then expires. */
    static final Duration KEEP_FINISHED = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public OutboxStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The mail or text, written down as pending, as a named part of the change that sends it. */
    public Write pending(String part, Outgoing message, Instant now) {
        return Write.put(part, pendingItem(message, now));
    }

    /** The outbox item for a new mail or text, for a store that writes it among its own. */
    public Put pendingItem(Outgoing message, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("MAIL#" + message.id()));
        item.put("id", s(message.id()));
        item.put("purpose", s(message.purpose()));
        item.put("reference", s(message.reference()));
        if (message instanceof Text text) {
            item.put("channel", s(SMS));
            item.put("to", s(text.to()));
            item.put(ContactLookup.RECIPIENT, s(ContactLookup.phone(text.to())));
            item.put("text", s(text.body()));
        } else if (message instanceof Mail mail) {
            item.put("to", s(mail.to()));
            item.put(ContactLookup.RECIPIENT, mail.to() == null ? null : s(ContactLookup.email(mail.to())));
            item.put("subject", s(mail.subject()));
            item.put("text", s(mail.text()));
            item.put("html", s(mail.html()));
            if (!mail.attachments().isEmpty()) {
                item.put("attachments", AttributeValue.fromL(mail.attachments().stream().map(a -> AttributeValue.fromM(Map.of(
                        "filename", s(a.filename()), "contentType", s(a.contentType()),
                        "content", AttributeValue.fromB(SdkBytes.fromByteArray(a.content()))))).toList()));
            }
        }
        item.put("createdAt", s(now.toString()));
        item.put("attempts", n(0));
        item.put("status", s(PENDING));
        item.put("queue", s(PENDING));
        item.put("nextAttemptAt", n(now.toEpochMilli()));
        return Put.builder().tableName(table).item(Items.compact(item))
                .conditionExpression("attribute_not_exists(pk)").build();
    }

    public record Pending(Outgoing message, int attempts, Instant createdAt) {
    }

    /** Takes a mail or text for sending if it still waits and nobody else holds it; empty when it is not ours to send. */
    public Optional<Pending> claim(String mailId, Instant now) {
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(request -> request.tableName(table)
                    .key(key(mailId))
                    .updateExpression("SET claimedUntil = :until")
                    .conditionExpression("attribute_exists(queue) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)")
                    .expressionAttributeValues(Map.of(":until", n(now.plus(CLAIM).toEpochMilli()), ":now", n(now.toEpochMilli())))
                    .returnValues("ALL_NEW")).attributes();
            return Optional.of(new Pending(message(item), Items.integer(item, "attempts"),
                    Instant.parse(Items.string(item, "createdAt"))));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Takes back a mail still waiting that no sender holds (its resident's details erased): off the queue, marked
     * withdrawn, its address, subject, bodies and attachments gone. On the same condition as {@link #claim}, so of a
     * sender and a withdrawal at the same moment exactly one wins: a mail is either sent or withdrawn, never both.
     * False when it is not waiting any more, or a sender is sending it now.
     */
    public boolean withdraw(String mailId, Instant now) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(key(mailId))
                    .updateExpression("SET #status = :withdrawn, withdrawnAt = :at, expiresAt = :expires"
                            + " REMOVE queue, nextAttemptAt, #to, " + ContactLookup.RECIPIENT + ", subject, #text, html, attachments")
                    .conditionExpression("attribute_exists(queue) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now)")
                    .expressionAttributeNames(Map.of("#status", "status", "#to", "to", "#text", "text"))
                    .expressionAttributeValues(Map.of(":withdrawn", s("withdrawn"), ":at", s(now.toString()),
                            ":now", n(now.toEpochMilli()), ":expires", n(now.plus(KEEP_FINISHED).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException sentOrBeingSent) {
            return false;
        }
    }

    public void markSent(String mailId, String messageId, Instant now) {
        dynamo.updateItem(request -> request.tableName(table).key(key(mailId))
                .updateExpression("SET #status = :sent, sentAt = :now, messageId = :messageId, attempts = attempts + :one, expiresAt = :expires"
                        + " REMOVE queue, nextAttemptAt, claimedUntil")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", s("sent"), ":now", s(now.toString()),
                        ":messageId", s(messageId), ":one", n(1), ":expires", n(now.plus(KEEP_FINISHED).getEpochSecond()))));
    }

    /** Puts a mail back in the queue for a later attempt, with the reason the last one failed. */
    public void markRetry(String mailId, Instant nextAttempt, String errorCode) {
        dynamo.updateItem(request -> request.tableName(table).key(key(mailId))
                .updateExpression("SET attempts = attempts + :one, nextAttemptAt = :next, lastError = :error REMOVE claimedUntil")
                .expressionAttributeValues(Map.of(":one", n(1), ":next", n(nextAttempt.toEpochMilli()), ":error", s(errorCode))));
    }

    /** Stops trying: the mail stays in the table, marked failed, for staff to see. */
    public void markFailed(String mailId, Instant now, String errorCode) {
        dynamo.updateItem(request -> request.tableName(table).key(key(mailId))
                .updateExpression("SET #status = :failed, attempts = attempts + :one, lastError = :error, expiresAt = :expires"
                        + " REMOVE queue, nextAttemptAt, claimedUntil")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":failed", s("failed"), ":one", n(1), ":error", s(errorCode),
                        ":expires", n(now.plus(KEEP_FINISHED).getEpochSecond()))));
    }

    /** Ids of mail due for an attempt, soonest first. */
    public List<String> due(Instant now, int limit) {
        return dynamo.query(QueryRequest.builder().tableName(table).indexName(INDEX)
                        .keyConditionExpression("queue = :pending AND nextAttemptAt <= :now")
                        .expressionAttributeValues(Map.of(":pending", s(PENDING), ":now", n(now.toEpochMilli())))
                        .projectionExpression("id")
                        .limit(limit).build())
                .items().stream().map(item -> Items.string(item, "id")).toList();
    }

    private static Map<String, AttributeValue> key(String mailId) {
        return Map.of("pk", s("MAIL#" + mailId));
    }

    private static Outgoing message(Map<String, AttributeValue> item) {
        if (SMS.equals(Items.string(item, "channel"))) {
            return new Text(Items.string(item, "id"), Items.string(item, "to"), Items.string(item, "text"),
                    Items.string(item, "purpose"), Items.string(item, "reference"));
        }
        return new Mail(Items.string(item, "id"), Items.string(item, "to"), Items.string(item, "subject"),
                Items.string(item, "text"), Items.string(item, "html"), Items.string(item, "purpose"),
                Items.string(item, "reference"),
                Items.mapList(item, "attachments").stream().map(a -> new Mail.Attachment(Items.string(a, "filename"),
                        Items.string(a, "contentType"), a.get("content").b().asByteArray())).toList());
    }
}

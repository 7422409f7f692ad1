package io.civicdesk.privacy;

import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/**
 * The outbox as privacy sees it; the key design is {@link io.civicdesk.notify.OutboxStore}'s:
 *
 * <pre>
 * pk          personal attributes
 * MAIL#{id}   to, subject, text, html, attachments (a report's CSV, a booking's calendar file)
 *             a text (channel = sms): to is the resident's phone in E.164, text its body
 *             recipient (the address or phone as a term, index ByRecipient): removed with the rest
 * </pre>
 *
 * A mail is due once written longer ago than the mails' period and no longer waiting to be sent (no
 * {@code queue}). Anonymising is one conditional UpdateItem removing the address, subject, bodies and
 * attachments; purpose, reference, status, attempts and dates stay (what was sent about what, and when).
 */
public final class MailRecordStore implements PersonalRecords {
    private final DynamoDbClient dynamo;
    private final OutboxStore outbox;
    private final String table;

    public MailRecordStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.outbox = new OutboxStore(dynamo, table);
        this.table = table;
    }

    @Override
    public String name() {
        return "mails";
    }

    @Override
    public Page due(Cutoffs cutoffs, String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table, "attribute_not_exists(anonymisedAt) AND attribute_not_exists(queue)",
                Map.of(), Map.of(), startAfter, pageSize);
        return ScanItems.due(dynamo, table, page, cutoffs.now(),
                item -> cutoffs.due(RecordKind.MAILS, ScanItems.instant(item, "createdAt")), MailRecordStore::held);
    }

    /**
     * A sent (or given up) mail: its details removed. For an erasure, a mail still waiting is withdrawn instead
     * ({@link OutboxStore#withdraw}, on the sender's own condition); one a sender holds at this moment is sent,
     * then anonymised if the erasure reads it again after, else left (counted, and found by the next erasure).
     */
    @Override
    public Outcome anonymise(Held record, Cutoffs cutoffs) {
        if (anonymiseSent(record, cutoffs)) {
            return Outcome.ANONYMISED;
        }
        if (!cutoffs.everything()) {
            return Outcome.NO_LONGER_DUE;
        }
        if (outbox.withdraw(record.reference(), cutoffs.now())) {
            return Outcome.ANONYMISED;
        }
        return anonymiseSent(record, cutoffs) ? Outcome.ANONYMISED_AFTER_CHANGE : Outcome.NO_LONGER_DUE;
    }

    private boolean anonymiseSent(Held record, Cutoffs cutoffs) {
        try {
            dynamo.updateItem(update -> update.tableName(table).key(Map.of("pk", s(record.key())))
                    .updateExpression("SET anonymisedAt = :now REMOVE #to, recipient, subject, #text, html, attachments")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(queue)")
                    .expressionAttributeNames(Map.of("#to", "to", "#text", "text"))
                    .expressionAttributeValues(Map.of(":now", s(cutoffs.now().toString()))));
            return true;
        } catch (ConditionalCheckFailedException stillWaiting) {
            return false;
        }
    }

    /** The mails to the resident's address and the texts to their phone: a Query of ByRecipient per term, then BatchGetItem. */
    @Override
    public List<Held> holding(Subject subject, Set<String> related) {
        List<String> terms = SubjectLookupStore.terms(subject);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> keys = SubjectLookupStore.keys(dynamo, table, ContactLookup.RECIPIENT_INDEX,
                ContactLookup.RECIPIENT, terms);
        return SubjectLookupStore.items(dynamo, table, keys).stream().map(MailRecordStore::held).toList();
    }

    /** Mails and texts written before they carried {@code recipient}: one conditional UpdateItem each, on the address read. */
    @Override
    public Backfill backfill(String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table,
                "attribute_exists(#to) AND attribute_not_exists(recipient) AND attribute_not_exists(anonymisedAt)",
                Map.of("#to", "to"), Map.of(), startAfter, pageSize);
        int written = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            String to = Items.string(item, "to");
            String term = "sms".equals(Items.string(item, "channel")) ? ContactLookup.phone(to) : ContactLookup.email(to);
            if (term == null) {
                continue;
            }
            try {
                dynamo.updateItem(update -> update.tableName(table).key(Map.of("pk", item.get("pk")))
                        .updateExpression("SET recipient = :term").conditionExpression("#to = :to AND attribute_not_exists(anonymisedAt)")
                        .expressionAttributeNames(Map.of("#to", "to"))
                        .expressionAttributeValues(Map.of(":term", s(term), ":to", item.get("to"))));
                written++;
            } catch (ConditionalCheckFailedException anonymisedMeanwhile) {
                // Nothing to find it by any more.
            }
        }
        return new Backfill(written, page.next());
    }

    private static Held held(Map<String, AttributeValue> item) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", Items.string(item, "id"));
        details.put("purpose", Items.string(item, "purpose"));
        details.put("reference", Items.string(item, "reference"));
        details.put("createdAt", Items.string(item, "createdAt"));
        details.put("status", Items.string(item, "status"));
        details.put("channel", "sms".equals(Items.string(item, "channel")) ? "sms" : "email");
        details.put("to", Items.string(item, "to"));
        details.put("subject", Items.string(item, "subject"));
        details.put("text", Items.string(item, "text"));
        return new Held(RecordKind.MAILS, Items.string(item, "pk"), Items.string(item, "id"), 0, details);
    }
}

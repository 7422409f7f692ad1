package io.civicdesk.privacy;

import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The feedback table as privacy sees it; the key designs are {@link io.civicdesk.feedback.ComplaintStore}'s,
 * {@link io.civicdesk.feedback.FeedbackStore}'s and {@link io.civicdesk.feedback.SurveyStore}'s:
 *
 * <pre>
 * pk                          sk         personal attributes                   kind, due from
 * COMPLAINT#{reference}       CASE       contact {name, email, phone}, message complaints, answeredAt (once not open)
 * COMPLAINT#{reference}       NOTE#…     note (an officer's investigation note) "(removed)" after its case
 * FEEDBACK#{id}               FEEDBACK   contact {name, email, phone}, message feedback, receivedAt
 * SURVEY#{ref}, SURVEY#BOOKING#{ref}  SURVEY   comment (projected to ByPeriod)  survey-comments, answeredAt
 * SMILEY#{id}                 SMILEY     comment (projected to ByPeriod)       counter-answers, answeredAt
 * IDEMPOTENCY#{sha256}        IDEMPOTENCY  body: the first answer to a POST
 * </pre>
 *
 * Anonymising is one conditional UpdateItem: a complaint on its version (and the version goes up), the others on
 * the comment or receipt read. Free text becomes "(removed)", contact details go; the index keys (openQueue,
 * nextDue, period, periodAt) are not personal and stay, so the review panel and its counts are unchanged.
 */
public final class FeedbackRecordStore implements PersonalRecords {
    private final DynamoDbClient dynamo;
    private final DynamoTransactions transactions;
    private final String table;

    public FeedbackRecordStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.transactions = new DynamoTransactions(dynamo);
        this.table = table;
    }

    @Override
    public String name() {
        return "feedback";
    }

    @Override
    public Page due(Cutoffs cutoffs, String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table,
                "attribute_not_exists(anonymisedAt) AND (attribute_exists(contact) OR attribute_exists(#comment) OR begins_with(pk, :answer))",
                Map.of("#comment", "comment"), Map.of(":answer", s("IDEMPOTENCY#")), startAfter, pageSize);
        return ScanItems.due(dynamo, table, page, cutoffs.now(), item -> isDue(item, cutoffs), FeedbackRecordStore::held);
    }

    /** Complaints, compliments and suggestions not yet anonymised: their contact's lookup items, on the contact read. */
    @Override
    public Backfill backfill(String startAfter, int pageSize) {
        ScanItems.ScanPage page = ScanItems.page(dynamo, table, "attribute_exists(contact) AND attribute_not_exists(anonymisedAt)",
                Map.of(), Map.of(), startAfter, pageSize);
        int written = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            Map<String, AttributeValue> contact = Items.map(item, "contact");
            written += SubjectLookupStore.backfill(transactions, table, Items.key(Items.string(item, "pk"), Items.string(item, "sk")),
                    "contact = :contact AND attribute_not_exists(anonymisedAt)", Map.of(":contact", item.get("contact")),
                    Items.string(item, "pk"), Items.string(contact, "email"), Items.string(contact, "phone")) ? 1 : 0;
        }
        return new Backfill(written, page.next());
    }

    private static RecordKind kind(Map<String, AttributeValue> item) {
        return switch (Items.string(item, "sk")) {
            case "CASE" -> RecordKind.COMPLAINTS;
            case "FEEDBACK" -> RecordKind.FEEDBACK;
            case "SURVEY" -> item.containsKey("comment") ? RecordKind.SURVEY_COMMENTS : null;
            case "SMILEY" -> item.containsKey("comment") ? RecordKind.COUNTER_ANSWERS : null;
            default -> null;
        };
    }

    private static boolean isDue(Map<String, AttributeValue> item, Cutoffs cutoffs) {
        RecordKind kind = kind(item);
        return kind != null && !item.containsKey("anonymisedAt") && cutoffs.due(kind, endedAt(kind, item));
    }

    /** When retention starts: a complaint once answered (and past the date to ask for a review), else on receipt or answer. */
    private static Instant endedAt(RecordKind kind, Map<String, AttributeValue> item) {
        return switch (kind) {
            case COMPLAINTS -> {
                String status = Items.string(item, "status");
                Instant answered = ScanItems.instant(item, "answeredAt");
                String reviewBy = Items.string(item, "reviewRequestBy");
                if ("received".equals(status) || "acknowledged".equals(status) || answered == null) {
                    yield null;
                }
                Instant reviewEnds = reviewBy == null ? answered : LocalDate.parse(reviewBy).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                yield reviewEnds.isAfter(answered) ? reviewEnds : answered;
            }
            case FEEDBACK -> ScanItems.instant(item, "receivedAt");
            default -> ScanItems.instant(item, "answeredAt");
        };
    }

    @Override
    public Outcome anonymise(Held record, Cutoffs cutoffs) {
        String[] key = record.key().split("\\|", 2);
        for (int attempt = 1; attempt <= 3; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                    .key(Items.key(key[0], key[1])).consistentRead(true)).item();
            if (item == null || item.isEmpty() || !isDue(item, cutoffs)) {
                return attempt == 1 && item != null && item.containsKey("anonymisedAt") ? Outcome.ANONYMISED : Outcome.NO_LONGER_DUE;
            }
            boolean changed = attempt > 1 || version(item) != record.version();
            try {
                List<Write> writes = new ArrayList<>(List.of(Write.update("record", update(item, cutoffs.now()))));
                Map<String, AttributeValue> contact = Items.map(item, "contact");
                writes.addAll(SubjectLookupStore.deletes(table, Items.string(item, "pk"), Items.string(contact, "email"),
                        Items.string(contact, "phone")));
                transactions.commit(writes);
                if (Items.string(item, "sk").equals("CASE")) {
                    removeNotes(Items.string(item, "pk"));
                }
                return changed ? Outcome.ANONYMISED_AFTER_CHANGE : Outcome.ANONYMISED;
            } catch (Refused meanwhile) {
                if (!meanwhile.failed("record")) {
                    throw meanwhile;
                }
                // Changed since read: read again and decide again.
            }
        }
        return Outcome.NO_LONGER_DUE;
    }

    /** A case's investigation notes, after the case: one Query, then an Update of each (repeating one is harmless). */
    private void removeNotes(String pk) {
        dynamo.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :note)")
                        .expressionAttributeValues(Map.of(":pk", s(pk), ":note", s("NOTE#"))).build()).items()
                .forEach(note -> dynamo.updateItem(update -> update.tableName(table).key(Items.key(pk, Items.string(note, "sk")))
                        .updateExpression("SET note = :removed").expressionAttributeValues(Map.of(":removed", s(ScanItems.REMOVED)))));
    }

    private Update update(Map<String, AttributeValue> item, Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":removed", s(ScanItems.REMOVED));
        values.put(":now", s(now.toString()));
        String expression;
        String condition;
        if (Items.string(item, "sk").equals("CASE")) {
            long version = Items.number(item, "version");
            expression = "SET message = :removed, anonymisedAt = :now, version = :next REMOVE contact";
            condition = "version = :version";
            values.put(":next", n(version + 1));
            values.put(":version", n(version));
        } else if (item.containsKey("comment")) {
            names.put("#comment", "comment");
            expression = "SET #comment = :removed, anonymisedAt = :now";
            condition = "#comment = :read";
            values.put(":read", item.get("comment"));
        } else {
            expression = "SET message = :removed, anonymisedAt = :now REMOVE contact";
            condition = "attribute_not_exists(anonymisedAt)";
        }
        Update.Builder update = Update.builder().tableName(table)
                .key(Items.key(Items.string(item, "pk"), Items.string(item, "sk")))
                .updateExpression(expression).conditionExpression(condition).expressionAttributeValues(values);
        if (!names.isEmpty()) {
            update.expressionAttributeNames(names);
        }
        return update.build();
    }

    /**
     * Complaints, compliments and suggestions whose contact is the resident's, found by their lookup items (one
     * Query of ByContact per term), and the surveys of the resident's requests and bookings, whose keys follow
     * from the references: then every record by BatchGetItem. No Scan.
     */
    @Override
    public List<Held> holding(Subject subject, Set<String> related) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> lookup : SubjectLookupStore.keys(dynamo, table, ContactLookup.INDEX, ContactLookup.TERM,
                SubjectLookupStore.terms(subject))) {
            String pk = Items.string(lookup, "pk");
            keys.add(Items.key(pk, pk.startsWith("COMPLAINT#") ? "CASE" : "FEEDBACK"));
        }
        SubjectLookupStore.references(related, "REQUEST#").forEach(reference -> keys.add(Items.key("SURVEY#" + reference, "SURVEY")));
        SubjectLookupStore.references(related, "BOOKING#").forEach(reference -> keys.add(Items.key("SURVEY#BOOKING#" + reference, "SURVEY")));
        return SubjectLookupStore.items(dynamo, table, keys).stream().filter(item -> kind(item) != null)
                .map(FeedbackRecordStore::held).toList();
    }

    private static Held held(Map<String, AttributeValue> item) {
        RecordKind kind = kind(item);
        Map<String, Object> details = new LinkedHashMap<>();
        String reference = Items.string(item, "reference");
        details.put("reference", reference != null ? reference : Items.string(item, "pk"));
        switch (kind) {
            case COMPLAINTS, FEEDBACK -> {
                details.put("kind", kind == RecordKind.COMPLAINTS ? "complaint" : Items.string(item, "kind"));
                details.put("status", Items.string(item, "status"));
                details.put("receivedAt", Items.string(item, "receivedAt"));
                details.put("answeredAt", Items.string(item, "answeredAt"));
                details.put("contact", ScanItems.plain(Items.map(item, "contact")));
                details.put("message", Items.string(item, "message"));
            }
            default -> {
                details.put("subject", Items.string(item, "subject"));
                details.put("service", Items.string(item, "serviceName"));
                details.put("answeredAt", Items.string(item, "answeredAt"));
                details.put("satisfaction", Items.integer(item, "satisfaction"));
                details.put("comment", Items.string(item, "comment"));
            }
        }
        return new Held(kind, Items.string(item, "pk") + "|" + Items.string(item, "sk"),
                reference != null ? reference : Items.string(item, "pk"), version(item), details);
    }

    /** A complaint's version; the other items are never changed once written (but by anonymising). */
    private static long version(Map<String, AttributeValue> item) {
        Long version = Items.number(item, "version");
        return version == null ? 0 : version;
    }
}

package io.civicdesk.privacy;

import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * What the record stores share: a page of a table's Scan from a cursor (its last key as text: every table's keys
 * are strings), and deleting idempotency answers past expiry.
 */
final class ScanItems {
    /** What a free-text field holds once anonymised, so every reader of the record still finds a text. */
    static final String REMOVED = "(removed)";
    private static final String SEPARATOR = "\u001f";

    private ScanItems() {
    }

    record ScanPage(List<Map<String, AttributeValue>> items, String next) {
    }

    /** One Scan call of at most {@code pageSize} items, filtered to the kinds of item the caller wants. */
    static ScanPage page(DynamoDbClient dynamo, String table, String filter, Map<String, String> names,
                         Map<String, AttributeValue> values, String startAfter, int pageSize) {
        ScanRequest.Builder scan = ScanRequest.builder().tableName(table).limit(pageSize).consistentRead(true)
                .filterExpression(filter).exclusiveStartKey(key(startAfter));
        if (!names.isEmpty()) {
            scan.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            scan.expressionAttributeValues(values);
        }
        ScanResponse page = dynamo.scan(scan.build());
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new ScanPage(page.items(), more ? text(page.lastEvaluatedKey()) : null);
    }

    /**
     * A page's records that {@code due} finds due, as {@code held} describes them; the idempotency answers past
     * their expiry met on the way are deleted.
     */
    static PersonalRecords.Page due(DynamoDbClient dynamo, String table, ScanPage page, Instant now,
                                    Predicate<Map<String, AttributeValue>> due,
                                    Function<Map<String, AttributeValue>, PersonalRecords.Held> held) {
        List<PersonalRecords.Held> found = new ArrayList<>();
        int answers = 0;
        for (Map<String, AttributeValue> item : page.items()) {
            if (isExpiredAnswer(item, now)) {
                answers += deleteAnswer(dynamo, table, item) ? 1 : 0;
            } else if (due.test(item)) {
                found.add(held.apply(item));
            }
        }
        return new PersonalRecords.Page(found, page.next(), answers);
    }

    private static boolean isExpiredAnswer(Map<String, AttributeValue> item, Instant now) {
        Long expiresAt = Items.number(item, "expiresAt");
        return Items.string(item, "pk").startsWith("IDEMPOTENCY#") && expiresAt != null && expiresAt < now.getEpochSecond();
    }

    /** Deletes an idempotency answer (it keeps the answer's body) if it is still the one read; true when deleted. */
    private static boolean deleteAnswer(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table).key(Items.key(Items.string(item, "pk"), Items.string(item, "sk")))
                    .conditionExpression("expiresAt = :expires")
                    .expressionAttributeValues(Map.of(":expires", n(Items.number(item, "expiresAt")))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = Items.string(item, name);
        return value == null ? null : Instant.parse(value);
    }

    /**
     * An item's key as the cursor's text, and back. A request's search-term key (FIND#email#…) and a contact's
     * lookup key (CONTACT#email#…) are made of personal fields, so the cursor keeps their prefix with '#' raised
     * to '$', the next character: the next page starts after every such item of that record (items no reader of
     * a page wants), so a page full of them never begins at the same place again; the cursor, which outlives the
     * record, holds nothing personal.
     */
    static String text(Map<String, AttributeValue> key) {
        String sk = key.containsKey("sk") ? key.get("sk").s() : null;
        if (sk != null && sk.startsWith("FIND#")) {
            sk = "FIND$";
        } else if (sk != null && sk.startsWith(ContactLookup.PREFIX)) {
            sk = "CONTACT$";
        }
        return sk == null ? key.get("pk").s() : key.get("pk").s() + SEPARATOR + sk;
    }

    static Map<String, AttributeValue> key(String text) {
        if (text == null) {
            return null;
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        String[] parts = text.split(SEPARATOR, 2);
        key.put("pk", s(parts[0]));
        if (parts.length == 2) {
            key.put("sk", s(parts[1]));
        }
        return key;
    }

    /** Plain values of a map attribute (a contact, a location), for an export. */
    static Map<String, Object> plain(Map<String, AttributeValue> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((name, value) -> result.put(name, value.s() != null ? value.s() : value.n()));
        return result;
    }
}

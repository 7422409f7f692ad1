package io.civicdesk.privacy;

import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.ContactLookupItems;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/**
 * How the record stores find a resident's records without reading whole tables: one Query of a lookup index per
 * term (the index holds keys only), then the records themselves by BatchGetItem, a hundred keys a call.
 */
final class SubjectLookupStore {
    private static final int BATCH = 100;
    private static final int MAX_ROUNDS = 5;

    private SubjectLookupStore() {
    }

    /** The resident's terms, as {@link ContactLookup} writes them. */
    static List<String> terms(Subject subject) {
        List<String> terms = new ArrayList<>();
        if (subject.email() != null) {
            terms.add(ContactLookup.email(subject.email()));
        }
        if (subject.phone() != null) {
            terms.add("phone#" + subject.phone());
        }
        return terms;
    }

    /** The keys of every index entry whose {@code attribute} is one of {@code terms}: one Query (or more pages) per term. */
    static List<Map<String, AttributeValue>> keys(DynamoDbClient dynamo, String table, String index, String attribute,
                                                  List<String> terms) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String term : terms) {
            dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(index)
                            .keyConditionExpression("#term = :term").expressionAttributeNames(Map.of("#term", attribute))
                            .expressionAttributeValues(Map.of(":term", s(term))).build())
                    .items().forEach(keys::add);
        }
        return keys;
    }

    /**
     * The items at {@code keys} that exist, strongly consistent, each once: BatchGetItem calls of up to a hundred
     * keys, the keys DynamoDB leaves unprocessed (throttled) asked again, a few times at most.
     */
    static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> unique = List.copyOf(new LinkedHashSet<>(keys));
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < unique.size(); from += BATCH) {
            List<Map<String, AttributeValue>> pending = unique.subList(from, Math.min(unique.size(), from + BATCH));
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > MAX_ROUNDS) {
                    throw new IllegalStateException("DynamoDB left " + pending.size() + " keys of " + table + " unread");
                }
                List<Map<String, AttributeValue>> asked = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(get -> get.requestItems(Map.of(table,
                        KeysAndAttributes.builder().keys(asked).consistentRead(true).build())));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                KeysAndAttributes left = response.unprocessedKeys().get(table);
                pending = left == null ? List.of() : left.keys();
            }
        }
        return found;
    }

    /** Deletes of a record's lookup items, from the contact it holds, to go in the transaction that anonymises it. */
    static List<Write> deletes(String table, String pk, String email, String phone) {
        List<Write> writes = new ArrayList<>();
        for (String term : ContactLookup.terms(email, phone)) {
            writes.add(Write.of("contact-lookup", TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(Items.key(pk, ContactLookup.PREFIX + term)).build()).build()));
        }
        return writes;
    }

    /**
     * The backfill of one record written before lookup items were: its lookup items, in one transaction with a
     * check that the record still holds that contact as read ({@code condition}), so a record anonymised meanwhile
     * never gets them back. True when written; false when there was nothing to write or the record had changed.
     */
    static boolean backfill(DynamoTransactions transactions, String table, Map<String, AttributeValue> recordKey,
                            String condition, Map<String, AttributeValue> values, String pk, String email, String phone) {
        List<Write> lookups = ContactLookupItems.of(table, pk, email, phone);
        if (lookups.isEmpty()) {
            return false;
        }
        List<Write> writes = new ArrayList<>();
        writes.add(Write.check("record", ConditionCheck.builder().tableName(table).key(recordKey)
                .conditionExpression(condition).expressionAttributeValues(values).build()));
        writes.addAll(lookups);
        try {
            transactions.commit(writes);
            return true;
        } catch (Refused changed) {
            if (!changed.failed("record")) {
                throw changed;
            }
            return false;
        }
    }

    /** The references of the records found before that are of one kind, by their keys' prefix ("REQUEST#", "BOOKING#"). */
    static Set<String> references(Set<String> relatedKeys, String prefix) {
        Set<String> references = new LinkedHashSet<>();
        relatedKeys.stream().filter(key -> key.startsWith(prefix)).forEach(key -> references.add(key.substring(prefix.length())));
        return references;
    }
}

package io.civicdesk.requests;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/** Finding requests by a search term: the Lookup index of the requests table, whose key design is {@link RequestStore}'s. */
public final class LookupStore {
    public static final String LOOKUP = "Lookup";

    private final DynamoDbClient dynamo;
    private final String table;

    public LookupStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A request found by a term: its reference, when it was submitted, and which of its fields held the term. */
    public record LookupHit(Reference reference, String submittedAt, Set<String> fields) {
    }

    /** The newest requests with a search term, at most {@code limit}; one Query of the Lookup index. */
    public List<LookupHit> lookup(String term, int limit) {
        return dynamo.query(QueryRequest.builder().tableName(table).indexName(LOOKUP)
                        .keyConditionExpression("findTerm = :term")
                        .expressionAttributeValues(Map.of(":term", s(term)))
                        .scanIndexForward(false).limit(limit).build())
                .items().stream().map(item -> new LookupHit(
                        RequestItems.reference(item),
                        Items.string(item, "findAt"), new LinkedHashSet<>(Items.stringList(item, "findFields"))))
                .toList();
    }
}

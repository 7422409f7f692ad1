package io.civicdesk.requests;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/**
 * Requests by when they were submitted: the Submitted index of the requests table (whose key design is
 * {@link RequestStore}'s), one partition keyed {@code {submittedAt}#{ref}}, projecting the service and when the
 * request finished, so a window of time is a key range and the service and open/closed are filters on it.
 */
public final class SubmittedStore {
    public static final String SUBMITTED_INDEX = "Submitted";

    /** Which requests: all, those still being worked on, or those finished (in a final status). */
    public enum State { ANY, OPEN, FINISHED }

    private final DynamoDbClient dynamo;
    private final String table;

    public SubmittedStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * The newest {@code limit} requests submitted from {@code from} to {@code to} (both included), newest first, of
     * the services given (none: any service) and in the state given: Queries of one key range, page after page,
     * until {@code limit} match or the range ends.
     */
    public List<Reference> submitted(Instant from, Instant to, Set<String> serviceIds, State state, int limit) {
        Map<String, String> names = new LinkedHashMap<>(Map.of("#shard", "submittedShard", "#key", "submittedKey"));
        Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":shard", s(RequestItems.SUBMITTED),
                ":from", s(RequestItems.submittedKey(from)), ":to", s(RequestItems.submittedKey(to) + "#~")));
        List<String> filters = new ArrayList<>();
        if (!serviceIds.isEmpty()) {
            names.put("#service", "serviceId");
            List<String> placeholders = new ArrayList<>();
            for (String serviceId : serviceIds.stream().sorted().toList()) {
                String placeholder = ":service" + placeholders.size();
                placeholders.add(placeholder);
                values.put(placeholder, s(serviceId));
            }
            filters.add("#service IN (" + String.join(", ", placeholders) + ")");
        }
        if (state != State.ANY) {
            names.put("#finished", "finishedAt");
            filters.add((state == State.OPEN ? "attribute_not_exists" : "attribute_exists") + "(#finished)");
        }
        List<Reference> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(SUBMITTED_INDEX)
                    .keyConditionExpression("#shard = :shard AND #key BETWEEN :from AND :to")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(false).limit(limit).exclusiveStartKey(start);
            if (!filters.isEmpty()) {
                query.filterExpression(String.join(" AND ", filters));
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().stream().limit(limit - found.size()).map(RequestItems::reference).forEach(found::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }
}

package io.civicdesk.bookings;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.civicdesk.platform.Ids;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Facilities and their booking rules, kept in the catalogue table beside the services: like them they are
 * the council's published offer, maintained by administrators, small, and read far more than written.
 *
 * <pre>
 * pk            sk                     item
 * FACILITIES    FACILITY#{facilityId}  name, kind, order, and body: the whole facility with its rules as JSON
 * </pre>
 *
 * Listing is one Query on one partition (a council has tens of facilities, a few KB each); one facility is one
 * GetItem. The rules travel as one JSON document because they are always read and written whole.
 */
public final class FacilityStore implements Facilities {
    private static final String PARTITION = "FACILITIES";

    private final DynamoDbClient dynamo;
    private final String table;

    public FacilityStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void put(Facility facility) {
        dynamo.putItem(request -> request.tableName(table).item(Map.of(
                "pk", s(PARTITION),
                "sk", s("FACILITY#" + facility.id()),
                "name", s(facility.name()),
                "kind", s(facility.kind()),
                "order", n(facility.order()),
                "body", s(Json.write(facility)))));
    }

    @Override
    public Optional<Facility> find(String facilityId) {
        if (!Ids.isId(facilityId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(PARTITION, "FACILITY#" + facilityId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(facility(item));
    }

    @Override
    public List<Facility> all() {
        List<Facility> facilities = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :facility)")
                    .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":facility", s("FACILITY#")))
                    .exclusiveStartKey(startKey).build());
            page.items().forEach(item -> facilities.add(facility(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        facilities.sort(Comparator.comparingInt(Facility::order));
        return facilities;
    }

    private static Facility facility(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readValue(Items.string(item, "body"), Facility.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored facility cannot be read", e);
        }
    }
}

package io.civicdesk.catalog;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.s;

/** The catalogue table's reads and plain writes, shared by its stores; the key design is at the top of {@link CatalogStore}. */
final class CatalogTable {
    static final String CATALOG = "CATALOG";

    final DynamoDbClient dynamo;
    final String name;

    CatalogTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    /** The catalogue's items whose sort key starts with {@code skPrefix}; all of them for "". */
    List<Map<String, AttributeValue>> query(String skPrefix) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(name);
        if (skPrefix.isEmpty()) {
            query.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(CATALOG)));
        } else {
            query.keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(CATALOG), ":prefix", s(skPrefix)));
        }
        return dynamo.queryPaginator(query.build()).items().stream().toList();
    }

    Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(name).key(Items.key(pk, sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    void put(Map<String, AttributeValue> item) {
        dynamo.putItem(request -> request.tableName(name).item(item));
    }
}

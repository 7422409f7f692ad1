package io.civicdesk.search;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.s;

/**
 * The council's synonyms, in the catalogue table.
 *
 * <pre>
 * pk = SEARCH#SYNONYMS   sk = CURRENT   groups: list of lists of words ([["rubbish","waste"],["verge","kerb"]])
 * </pre>
 * One small item: every search reads it with the index, once per container and again when the index is reloaded.
 */
public final class SynonymStore implements SynonymBook {
    private static final Map<String, AttributeValue> KEY = Items.key("SEARCH#SYNONYMS", "CURRENT");

    private final DynamoDbClient dynamo;
    private final String table;

    public SynonymStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Synonyms synonyms() {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table).key(KEY)).item();
        if (item == null || !item.containsKey("groups")) {
            return Synonyms.NONE;
        }
        return new Synonyms(item.get("groups").l().stream()
                .map(group -> group.l().stream().map(AttributeValue::s).toList()).toList());
    }

    @Override
    public void replace(Synonyms synonyms) {
        List<AttributeValue> groups = synonyms.groups().stream()
                .map(group -> AttributeValue.fromL(group.stream().map(Items::s).toList())).toList();
        Map<String, AttributeValue> item = new java.util.HashMap<>(KEY);
        item.put("groups", AttributeValue.fromL(groups));
        item.put("kind", s("synonyms"));
        dynamo.putItem(request -> request.tableName(table).item(item));
    }
}

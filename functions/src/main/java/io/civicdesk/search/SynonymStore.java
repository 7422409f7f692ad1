package io.civicdesk.search;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The council's synonyms, in the catalogue table.
 *
 * <pre>
 * pk = SEARCH#SYNONYMS   sk = CURRENT   groups: list of lists of words ([["rubbish","waste"],["verge","kerb"]]),
 *                                       version (1, 2, ...), changedAt, changedById, changedByName
 * </pre>
 * One small item. An administrator's change is a conditional write on the version they read; the catalogue file's
 * load ({@link #load}) writes the file's groups and moves the version on, so an edit begun before it is refused
 * rather than undoing it. A write to this item reaches the index builder on the table's stream: the next
 * generation of the index carries the new groups to every search function.
 */
public final class SynonymStore implements SynonymBook {
    static final String PARTITION = "SEARCH#SYNONYMS";
    private static final Map<String, AttributeValue> KEY = Items.key(PARTITION, "CURRENT");

    private final DynamoDbClient dynamo;
    private final String table;

    public SynonymStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Saved saved() {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table).key(KEY)
                .consistentRead(true)).item();
        if (item == null || !item.containsKey("groups")) {
            return Saved.NONE;
        }
        Synonyms synonyms = new Synonyms(item.get("groups").l().stream()
                .map(group -> group.l().stream().map(AttributeValue::s).toList()).toList());
        Long version = Items.number(item, "version");
        String changedAt = Items.string(item, "changedAt");
        return new Saved(synonyms, version == null ? 0 : version, changedAt == null ? null : Instant.parse(changedAt),
                Items.string(item, "changedByName"));
    }

    @Override
    public boolean replace(Synonyms synonyms, long expectedVersion, Instant at, String byId, String byName) {
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("groups", groups(synonyms));
        item.put("kind", s("synonyms"));
        item.put("version", n(expectedVersion + 1));
        item.put("changedAt", s(at.toString()));
        item.put("changedById", s(byId));
        item.put("changedByName", s(byName));
        try {
            dynamo.putItem(request -> request.tableName(table).item(Items.compact(item))
                    .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(pk) OR attribute_not_exists(version)"
                            : "version = :expected")
                    .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The catalogue file's synonyms ({@code ./civicdesk seed}, the local stack): written over whatever was there,
     * unless they are already the same (the same file twice gives the same item).
     */
    public void load(Synonyms synonyms, Instant at) {
        if (saved().synonyms().equals(synonyms)) {
            return;
        }
        dynamo.updateItem(request -> request.tableName(table).key(KEY)
                .updateExpression("SET groups = :groups, kind = :kind, changedAt = :at, changedByName = :by"
                        + " REMOVE changedById ADD version :one")
                .expressionAttributeValues(Map.of(":groups", groups(synonyms), ":kind", s("synonyms"),
                        ":at", s(at.toString()), ":by", s("the catalogue file"), ":one", n(1))));
    }

    private static AttributeValue groups(Synonyms synonyms) {
        List<AttributeValue> groups = synonyms.groups().stream()
                .map(group -> AttributeValue.fromL(group.stream().map(Items::s).toList())).toList();
        return AttributeValue.fromL(groups);
    }
}

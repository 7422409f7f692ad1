package io.civicdesk.guides;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The guided conversations, in the catalogue table.
 *
 * <pre>
 * pk = GUIDES           sk = TOPIC#{topicId}     the topic's current version, whole: topicId, title, intro, version
 *                                                (1, 2, ...), guide (the conversation as JSON, as an administrator
 *                                                edits it), changedAt, changedBy; retired = true once taken off the
 *                                                resident pages. What residents read: one GetItem, or one Query of
 *                                                the partition for the list of topics
 * pk = GUIDE#{topicId}  sk = VERSION#{000007}    each version as it was saved, never changed after: the history
 * </pre>
 * A save is one transaction of the new version's item (only if that version was never written) and the current
 * item, written only over the version the administrator read (none for a new topic): two administrators editing
 * the same topic cannot undo each other's work. Retiring is a conditional update of the current item. No Scan.
 */
public final class GuideStore implements GuideBook {
    static final String LISTING = "GUIDES";
    private static final String TOPIC = "TOPIC#";

    private final DynamoDbClient dynamo;
    private final String table;

    public GuideStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Saved> topics() {
        List<Saved> topics = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                    .expressionAttributeValues(Map.of(":pk", s(LISTING), ":sk", s(TOPIC)))
                    .exclusiveStartKey(from).build());
            page.items().forEach(item -> topics.add(saved(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return topics;
    }

    @Override
    public Optional<Saved> current(String topicId) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(LISTING, TOPIC + topicId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(saved(item));
    }

    @Override
    public boolean save(Guide guide, int expectedVersion) {
        Put version = Put.builder().tableName(table)
                .item(item(Items.key("GUIDE#" + guide.topicId(), "VERSION#%06d".formatted(guide.version())), guide))
                .conditionExpression("attribute_not_exists(pk)").build();
        Put.Builder current = Put.builder().tableName(table).item(item(Items.key(LISTING, TOPIC + guide.topicId()), guide));
        if (expectedVersion == 0) {
            current.conditionExpression("attribute_not_exists(pk)");
        } else {
            current.conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion)));
        }
        try {
            dynamo.transactWriteItems(request -> request.transactItems(TransactWriteItem.builder().put(version).build(),
                    TransactWriteItem.builder().put(current.build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    @Override
    public boolean retire(String topicId, int expectedVersion) {
        try {
            dynamo.updateItem(request -> request.tableName(table).key(Items.key(LISTING, TOPIC + topicId))
                    .updateExpression("SET retired = :yes")
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true), ":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * The catalogue file's conversation ({@code ./civicdesk seed}, the local stack): saved as the topic's next
     * version over whatever was there, unless it already says the same (the same file twice changes nothing).
     * A retired topic the file still names is put back.
     */
    public void load(Guide guide, Instant at) {
        Optional<Saved> current = current(guide.topicId());
        if (current.isPresent() && !current.get().retired() && current.get().guide().sameConversation(guide)) {
            return;
        }
        int version = current.map(saved -> saved.guide().version()).orElse(0);
        if (!save(guide.asVersion(version + 1, at, "the catalogue file"), version)) {
            throw new IllegalStateException("An administrator saved the guide " + guide.topicId()
                    + " during the load; load the file again");
        }
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> key, Guide guide) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("kind", s("guide"));
        item.put("topicId", s(guide.topicId()));
        item.put("title", s(guide.title()));
        item.put("intro", s(guide.intro()));
        item.put("version", n(guide.version()));
        item.put("guide", s(Json.write(GuideViews.edited(guide))));
        item.put("changedAt", s(guide.changedAt().toString()));
        item.put("changedBy", s(guide.changedBy()));
        return Items.compact(item);
    }

    private static Saved saved(Map<String, AttributeValue> item) {
        Integer version = Items.integer(item, "version");
        String changedAt = Items.string(item, "changedAt");
        Guide guide;
        try {
            guide = GuideReader.stored(Json.MAPPER.readTree(Items.string(item, "guide")), Items.string(item, "topicId"));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new Saved(guide.asVersion(version == null ? 0 : version, changedAt == null ? null : Instant.parse(changedAt),
                Items.string(item, "changedBy")), Items.flag(item, "retired"));
    }
}

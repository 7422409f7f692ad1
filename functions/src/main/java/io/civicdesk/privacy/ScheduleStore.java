package io.civicdesk.privacy;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The retention schedule, in the catalogue table:
 *
 * <pre>
 * pk                   sk         item
 * PRIVACY#RETENTION    SCHEDULE   days {kind: days}, version, changedAt, changedBy (a staff id, or "catalogue")
 * </pre>
 *
 * Absent, the defaults apply ({@link RetentionSchedule#defaults()}, version 0). A save is one PutItem on the
 * condition that the version is still the one the administrator read, so a save over someone else's is refused.
 * The catalogue file's {@code retention:} section is loaded only where no schedule is stored yet, so seeding
 * again never undoes an administrator's change.
 */
public final class ScheduleStore implements Schedules {
    private final DynamoDbClient dynamo;
    private final String table;

    public ScheduleStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One GetItem. */
    @Override
    public RetentionSchedule current() {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key()).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return RetentionSchedule.defaults();
        }
        Map<RecordKind, Integer> days = new EnumMap<>(RecordKind.class);
        Items.map(item, "days").forEach((kind, value) -> RecordKind.fromWireName(kind)
                .ifPresent(known -> days.put(known, Integer.parseInt(value.n()))));
        return new RetentionSchedule(days, Items.number(item, "version"), ScanItems.instant(item, "changedAt"),
                Items.string(item, "changedBy"));
    }

    /** One conditional PutItem. */
    @Override
    public Optional<RetentionSchedule> save(Map<RecordKind, Integer> days, long expected, String by, Instant now) {
        RetentionSchedule saved = new RetentionSchedule(days, expected + 1, now, by);
        try {
            dynamo.putItem(put(saved, expected));
            return Optional.of(saved);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** The catalogue's schedule, as version 1, unless one is stored already; true when written. */
    public boolean seed(Map<RecordKind, Integer> days, Instant now) {
        try {
            dynamo.putItem(put(new RetentionSchedule(days, 1, now, "catalogue"), 0));
            return true;
        } catch (ConditionalCheckFailedException alreadySet) {
            return false;
        }
    }

    private PutItemRequest put(RetentionSchedule schedule, long expected) {
        Map<String, AttributeValue> days = new LinkedHashMap<>();
        schedule.days().forEach((kind, d) -> days.put(kind.wireName(), n(d)));
        Map<String, AttributeValue> item = new LinkedHashMap<>(key());
        item.put("days", AttributeValue.fromM(days));
        item.put("version", n(schedule.version()));
        item.put("changedAt", s(schedule.changedAt().toString()));
        item.put("changedBy", s(schedule.changedBy()));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        return expected == 0
                ? put.conditionExpression("attribute_not_exists(pk)").build()
                : put.conditionExpression("version = :expected").expressionAttributeValues(Map.of(":expected", n(expected))).build();
    }

    private static Map<String, AttributeValue> key() {
        return Items.key("PRIVACY#RETENTION", "SCHEDULE");
    }
}

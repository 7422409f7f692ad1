package io.civicdesk.staff;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The day a supervisor planned for an officer: the requests to visit, in order. In the requests table, beside
 * the requests it names (the staff request function already writes there).
 *
 * <pre>
 * pk                   sk             item
 * DAYPLAN#{staffId}    DAY#{date}     references (list, in visiting order), version, plannedById, plannedByName,
 *                                     plannedAt, expiresAt (TTL: the plan is of no use a quarter after its day)
 * </pre>
 *
 * One GetItem reads a day's plan; a save is one PutItem conditional on the version the supervisor saw (none yet:
 * no item), so two supervisors planning the same day never lose a change. References only: nothing personal.
 */
public final class DayPlanStore {
    static final Period KEPT_AFTER_THE_DAY = Period.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;

    public DayPlanStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A day's plan as stored; {@code version} 0 is a day nobody planned. */
    public record Stored(String staffId, LocalDate date, List<String> references, long version, String plannedById,
                         String plannedByName, Instant plannedAt) {
        public Stored {
            references = List.copyOf(references);
        }
    }

    public Optional<Stored> get(String staffId, LocalDate date) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key(staffId, date)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Stored(staffId, date, Items.stringList(item, "references"), Items.number(item, "version"),
                Items.string(item, "plannedById"), Items.string(item, "plannedByName"), Instant.parse(Items.string(item, "plannedAt"))));
    }

    /** Writes the plan, one version on from {@code expectedVersion} (0: none yet); false when another save came first. */
    public boolean save(Stored plan, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(plan.staffId(), plan.date()));
        item.put("references", Items.strings(plan.references()));
        item.put("version", n(expectedVersion + 1));
        item.put("plannedById", s(plan.plannedById()));
        item.put("plannedByName", s(plan.plannedByName()));
        item.put("plannedAt", s(plan.plannedAt().toString()));
        item.put("expiresAt", n(plan.date().plus(KEPT_AFTER_THE_DAY).atStartOfDay().toEpochSecond(ZoneOffset.UTC)));
        try {
            dynamo.putItem(put -> {
                put.tableName(table).item(item);
                if (expectedVersion == 0) {
                    put.conditionExpression("attribute_not_exists(pk)");
                } else {
                    put.conditionExpression("version = :version").expressionAttributeValues(Map.of(":version", n(expectedVersion)));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String staffId, LocalDate date) {
        return Items.key("DAYPLAN#" + staffId, "DAY#" + date);
    }
}

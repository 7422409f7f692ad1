package io.civicdesk.directory;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.StaffCaller.Role;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.civicdesk.platform.Items.s;

/**
 * The staff directory, in the catalogue table: who may be assigned requests, and in which unit. Sign-in
 * (Cognito) says who the caller is; the directory says who else there is. Administrators keep both in step
 * through the staff capability's administration.
 *
 * <pre>
 * pk       sk             item
 * STAFF    MEMBER#{id}    id (Cognito sub), name, email, roles (groups), unitId (absent for staff across units),
 *                         version, disabled (true once they no longer work here; absent otherwise),
 *                         signInPending (true while a change is saved here but not yet in the user pool)
 * </pre>
 *
 * A member is one GetItem (checking an assignment); a unit's officers, or the officers a compliment names, are
 * one Query of the STAFF partition, filtered by unit — the directory of a council is hundreds of small items at most.
 * Disabled members are kept, so the history of what they did keeps their name, but only {@link #member} and
 * {@link #everyone} return them: nobody is assigned work, mailed warnings or reports, or named in a compliment
 * after they have gone.
 */
public final class StaffDirectory implements Directory {
    private static final String PARTITION = "STAFF";

    private final DynamoDbClient dynamo;
    private final String table;

    /** A member as stored, with what an administrator's change is checked against. */
    public record Entry(StaffMember member, long version, boolean signInPending) {
    }

    public StaffDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The member, whether or not they still work here. */
    @Override
    public Optional<StaffMember> member(String id) {
        return entry(id).map(Entry::member);
    }

    @Override
    public Optional<Entry> entry(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(key(id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(entry(item));
    }

    /** Everyone the directory holds, those who have gone included, by name: for administrators. */
    @Override
    public List<Entry> everyone() {
        return query(null);
    }

    /** The members who work in a unit (or, for null, everyone who works here), by name. */
    @Override
    public List<StaffMember> inUnit(String unitId) {
        return working(query(unitId));
    }

    /** The supervisors who answer for a unit: its own, and those who work across units. */
    public List<StaffMember> supervisorsOf(String unitId) {
        return working(query(null)).stream().filter(member -> member.roles().contains(Role.SUPERVISOR)
                && (member.unitId() == null || member.unitId().equals(unitId))).toList();
    }

    /**
     * The members with this name (whatever its case and surrounding spaces), in the unit if one is given. DynamoDB
     * cannot compare without case, so the partition (or the unit's part of it) is read and matched here.
     */
    public List<StaffMember> named(String name, String unitId) {
        String wanted = name.strip();
        return working(query(unitId)).stream()
                .filter(member -> member.name() != null && member.name().strip().equalsIgnoreCase(wanted)).toList();
    }

    private static List<StaffMember> working(List<Entry> entries) {
        return entries.stream().map(Entry::member).filter(StaffMember::enabled).toList();
    }

    /** The STAFF partition, filtered by unit unless {@code unitId} is null; sorted by name. */
    private List<Entry> query(String unitId) {
        List<Entry> entries = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .exclusiveStartKey(startKey);
            if (unitId == null) {
                query.expressionAttributeValues(Map.of(":pk", s(PARTITION)));
            } else {
                query.filterExpression("unitId = :unit").expressionAttributeValues(Map.of(":pk", s(PARTITION), ":unit", s(unitId)));
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> entries.add(entry(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        entries.sort(Comparator.comparing(entry -> entry.member().name(), String.CASE_INSENSITIVE_ORDER));
        return entries;
    }

    /** Writes a member as they are, at version 1, whatever was there (fixtures and benchmarks). */
    public void put(StaffMember member) {
        dynamo.putItem(put -> put.tableName(table).item(item(member, 1, false)));
    }

    /** Adds a member who is not in the directory yet; false if they are. */
    @Override
    public boolean create(StaffMember member) {
        return conditionally(() -> dynamo.putItem(put -> put.tableName(table).item(item(member, 1, false))
                .conditionExpression("attribute_not_exists(pk)")));
    }

    /**
     * Saves a change to a member if the directory still holds the version the administrator read, as
     * {@code read + 1} and marked pending until the user pool has it too ({@link #settle}); false if someone else
     * changed them meanwhile.
     */
    @Override
    public boolean change(StaffMember member, long read) {
        return conditionally(() -> dynamo.putItem(put -> put.tableName(table).item(item(member, read + 1, true))
                .conditionExpression("version = :read")
                .expressionAttributeValues(Map.of(":read", Items.n(read)))));
    }

    /** The user pool has caught up with this version; false if the member has changed again since. */
    @Override
    public boolean settle(String id, long version) {
        return conditionally(() -> dynamo.updateItem(update -> update.tableName(table).key(key(id))
                .updateExpression("REMOVE signInPending")
                .conditionExpression("version = :version")
                .expressionAttributeValues(Map.of(":version", Items.n(version)))));
    }

    private static boolean conditionally(Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Items.key(PARTITION, "MEMBER#" + id);
    }

    private static Map<String, AttributeValue> item(StaffMember member, long version, boolean signInPending) {
        Map<String, AttributeValue> item = new HashMap<>(key(member.id()));
        item.put("id", s(member.id()));
        item.put("name", s(member.name()));
        item.put("email", s(member.email()));
        item.put("roles", Items.strings(member.roles().stream().map(Role::group).sorted().toList()));
        item.put("unitId", s(member.unitId()));
        item.put("version", Items.n(version));
        item.put("disabled", member.enabled() ? null : Items.bool(true));
        item.put("signInPending", signInPending ? Items.bool(true) : null);
        return Items.compact(item);
    }

    private static Entry entry(Map<String, AttributeValue> item) {
        StaffMember member = new StaffMember(Items.string(item, "id"), Items.string(item, "name"), Items.string(item, "email"),
                Items.stringList(item, "roles").stream()
                        .map(group -> Arrays.stream(Role.values()).filter(role -> role.group().equals(group)).findFirst().orElse(null))
                        .filter(Objects::nonNull).collect(Collectors.toSet()),
                Items.string(item, "unitId"), !Items.flag(item, "disabled"));
        Long version = Items.number(item, "version");
        return new Entry(member, version == null ? 1 : version, Items.flag(item, "signInPending"));
    }
}

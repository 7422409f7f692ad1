package io.civicdesk.staff;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.StaffCaller.Role;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
 * (Cognito) says who the caller is; the directory says who else there is.
 *
 * <pre>
 * pk       sk             item
 * STAFF    MEMBER#{id}    id (Cognito sub), name, email, roles (groups), unitId (absent for staff across units)
 * </pre>
 *
 * A member is one GetItem (checking an assignment); a unit's officers, or the officers a compliment names, are
 * one Query of the STAFF partition, filtered by unit — the directory of a council is hundreds of small items at most.
 */
public final class StaffDirectory {
    private static final String PARTITION = "STAFF";

    private final DynamoDbClient dynamo;
    private final String table;

    public StaffDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<StaffMember> member(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(Items.key(PARTITION, "MEMBER#" + id))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(member(item));
    }

    /** The members who work in a unit, by name. */
    public List<StaffMember> inUnit(String unitId) {
        return query(unitId);
    }

    /** The supervisors who answer for a unit: its own, and those who work across units. */
    public List<StaffMember> supervisorsOf(String unitId) {
        return query(null).stream().filter(member -> member.roles().contains(Role.SUPERVISOR)
                && (member.unitId() == null || member.unitId().equals(unitId))).toList();
    }

    /**
     * The members with this name (whatever its case and surrounding spaces), in the unit if one is given. DynamoDB
     * cannot compare without case, so the partition (or the unit's part of it) is read and matched here.
     */
    public List<StaffMember> named(String name, String unitId) {
        String wanted = name.strip();
        return query(unitId).stream().filter(member -> member.name() != null && member.name().strip().equalsIgnoreCase(wanted)).toList();
    }

    /** The STAFF partition, filtered by unit unless {@code unitId} is null; sorted by name. */
    private List<StaffMember> query(String unitId) {
        List<StaffMember> members = new ArrayList<>();
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
            page.items().forEach(item -> members.add(member(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        members.sort(Comparator.comparing(StaffMember::name, String.CASE_INSENSITIVE_ORDER));
        return members;
    }

    public void put(StaffMember member) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(PARTITION));
        item.put("sk", s("MEMBER#" + member.id()));
        item.put("id", s(member.id()));
        item.put("name", s(member.name()));
        item.put("email", s(member.email()));
        item.put("roles", Items.strings(member.roles().stream().map(Role::group).sorted().toList()));
        item.put("unitId", s(member.unitId()));
        dynamo.putItem(put -> put.tableName(table).item(Items.compact(item)));
    }

    private static StaffMember member(Map<String, AttributeValue> item) {
        return new StaffMember(Items.string(item, "id"), Items.string(item, "name"), Items.string(item, "email"),
                Items.stringList(item, "roles").stream()
                        .map(group -> Arrays.stream(Role.values()).filter(role -> role.group().equals(group)).findFirst().orElse(null))
                        .filter(Objects::nonNull).collect(Collectors.toSet()),
                Items.string(item, "unitId"));
    }
}

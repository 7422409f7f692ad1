package io.civicdesk.reports;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/**
 * Who gets which report: the units each account manager looks after, and the period reports they get. In the
 * catalogue table, beside the units they name.
 *
 * <pre>
 * pk          sk                   item
 * ACCOUNTS    MANAGER#{staffId}    staffId, unitIds (list), kinds (list of WEEKLY | MONTHLY | QUARTERLY), version
 * </pre>
 *
 * An administrator's change is conditional on the version they saw, so two administrators saving at once never
 * lose a change; one account is one GetItem (whose units an account manager sees on the dashboard).
 *
 * A roll-up reads every account in one Query of the ACCOUNTS partition: a council has a handful of account
 * managers. The manager's name and address stay in the staff directory (one GetItem each), never copied here.
 */
public final class AccountStore implements Accounts {
    private static final String PARTITION = "ACCOUNTS";
    private static final String MANAGER = "MANAGER#";

    private final DynamoDbClient dynamo;
    private final String table;

    public AccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** An account manager's units, and the kinds of period report they get; {@code version} counts the changes. */
    public record Account(String staffId, List<String> unitIds, Set<ReportPeriod.Kind> kinds, long version) {
        public Account {
            unitIds = List.copyOf(unitIds);
            kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        }

        public Account(String staffId, List<String> unitIds, Set<ReportPeriod.Kind> kinds) {
            this(staffId, unitIds, kinds, 1);
        }
    }

    /** Writes the account as it is, whatever is there (the demo council's seeding). */
    public void put(Account account) {
        dynamo.putItem(put -> put.tableName(table).item(item(account, account.version())));
    }

    /**
     * Writes the account if it is still at {@code expectedVersion} (null: if there is none yet), one version on;
     * false when someone else got there first.
     */
    @Override
    public boolean save(Account account, Long expectedVersion) {
        long version = expectedVersion == null ? 1 : expectedVersion + 1;
        try {
            dynamo.putItem(put -> put.tableName(table).item(item(account, version)).applyMutation(onVersion(expectedVersion)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Removes the account if it is still at {@code expectedVersion}; false when it is not (or is gone). */
    @Override
    public boolean remove(String staffId, long expectedVersion) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table).key(Items.key(PARTITION, MANAGER + staffId))
                    .conditionExpression("version = :version")
                    .expressionAttributeValues(Map.of(":version", Items.n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static java.util.function.Consumer<PutItemRequest.Builder> onVersion(Long expectedVersion) {
        return put -> {
            if (expectedVersion == null) {
                put.conditionExpression("attribute_not_exists(pk)");
            } else {
                put.conditionExpression("version = :version").expressionAttributeValues(Map.of(":version", Items.n(expectedVersion)));
            }
        };
    }

    private static Map<String, AttributeValue> item(Account account, long version) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(PARTITION, MANAGER + account.staffId()));
        item.put("staffId", s(account.staffId()));
        item.put("unitIds", Items.strings(account.unitIds()));
        item.put("kinds", Items.strings(account.kinds().stream().map(Enum::name).sorted().toList()));
        item.put("version", Items.n(version));
        return item;
    }

    /** One account manager's account, if they have one. */
    @Override
    public Optional<Account> account(String staffId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(Items.key(PARTITION, MANAGER + staffId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(account(item));
    }

    @Override
    public List<Account> all() {
        List<Account> accounts = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :manager)")
                    .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":manager", s(MANAGER)))
                    .exclusiveStartKey(startKey).build());
            page.items().forEach(item -> accounts.add(account(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return accounts;
    }

    private static Account account(Map<String, AttributeValue> item) {
        List<ReportPeriod.Kind> kinds = Items.stringList(item, "kinds").stream().map(ReportPeriod.Kind::valueOf).toList();
        Long version = Items.number(item, "version");
        return new Account(Items.string(item, "staffId"), Items.stringList(item, "unitIds"),
                kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds), version == null ? 1 : version);
    }
}

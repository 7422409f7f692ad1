package io.civicdesk.reports;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/**
 * Who gets which report: the units each account manager looks after, and the period reports they get. In the
 * catalogue table, beside the units they name.
 *
 * <pre>
 * pk          sk                   item
 * ACCOUNTS    MANAGER#{staffId}    staffId, unitIds (list), kinds (list of WEEKLY | MONTHLY | QUARTERLY)
 * </pre>
 *
 * A roll-up reads every account in one Query of the ACCOUNTS partition: a council has a handful of account
 * managers. The manager's name and address stay in the staff directory (one GetItem each), never copied here.
 */
public final class AccountStore {
    private static final String PARTITION = "ACCOUNTS";
    private static final String MANAGER = "MANAGER#";

    private final DynamoDbClient dynamo;
    private final String table;

    public AccountStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** An account manager's units, and the kinds of period report they get. */
    public record Account(String staffId, List<String> unitIds, Set<ReportPeriod.Kind> kinds) {
        public Account {
            unitIds = List.copyOf(unitIds);
            kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        }
    }

    public void put(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(PARTITION, MANAGER + account.staffId()));
        item.put("staffId", s(account.staffId()));
        item.put("unitIds", Items.strings(account.unitIds()));
        item.put("kinds", Items.strings(account.kinds().stream().map(Enum::name).sorted().toList()));
        dynamo.putItem(put -> put.tableName(table).item(item));
    }

    public List<Account> all() {
        List<Account> accounts = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :manager)")
                    .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":manager", s(MANAGER)))
                    .exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                List<ReportPeriod.Kind> kinds = Items.stringList(item, "kinds").stream().map(ReportPeriod.Kind::valueOf).toList();
                accounts.add(new Account(Items.string(item, "staffId"), Items.stringList(item, "unitIds"),
                        kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds)));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return accounts;
    }
}

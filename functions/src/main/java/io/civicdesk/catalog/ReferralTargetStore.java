package io.civicdesk.catalog;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The referral agreements between units, one small item in the catalogue table:
 * <pre>
 * pk        sk                 item
 * CATALOG   REFERRAL-TARGETS   defaultHours, pairs: [{from, to, hours}], version
 * </pre>
 * Read by one GetItem when a request is referred; replaced whole by an administrator under its version (a put
 * conditional on the version read, or on there being none yet), so two administrators never overwrite each other.
 * Absent, the provider's default applies ({@link ReferralTargets#PROVIDER_DEFAULT}).
 */
public final class ReferralTargetStore {
    private static final String SK = "REFERRAL-TARGETS";

    private final CatalogTable table;

    public ReferralTargetStore(DynamoDbClient dynamo, String table) {
        this.table = new CatalogTable(dynamo, table);
    }

    public ReferralTargets get() {
        return table.get(CatalogTable.CATALOG, SK).map(ReferralTargetStore::targets).orElse(ReferralTargets.PROVIDER_DEFAULT);
    }

    /** Saves {@code targets} as the version after {@code targets.version()}; false when someone saved that version first. */
    public boolean save(ReferralTargets targets) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(CatalogTable.CATALOG));
        item.put("sk", s(SK));
        item.put("defaultHours", n(targets.defaultHours()));
        item.put("pairs", AttributeValue.fromL(targets.pairs().stream().map(pair -> AttributeValue.fromM(Map.of(
                "from", s(pair.fromUnitId()), "to", s(pair.toUnitId()), "hours", n(pair.hours())))).toList()));
        item.put("version", n(targets.version() + 1));
        try {
            table.dynamo.putItem(put -> put.tableName(table.name).item(item)
                    .conditionExpression(targets.version() == 0 ? "attribute_not_exists(pk)" : "version = :read")
                    .expressionAttributeValues(targets.version() == 0 ? null : Map.of(":read", n(targets.version()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static ReferralTargets targets(Map<String, AttributeValue> item) {
        List<ReferralTargets.Pair> pairs = Items.mapList(item, "pairs").stream().map(pair -> new ReferralTargets.Pair(
                Items.string(pair, "from"), Items.string(pair, "to"), Items.integer(pair, "hours"))).toList();
        return new ReferralTargets(Items.integer(item, "defaultHours"), pairs, Items.number(item, "version"));
    }
}

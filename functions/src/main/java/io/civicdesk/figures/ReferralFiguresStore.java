package io.civicdesk.figures;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Referrals between units, counted per pair of units and council day, in the figures table beside the units'
 * service-level figures ({@link FiguresStore}):
 *
 * <pre>
 * pk          sk                                attributes
 * REFERRALS   DAY#{yyyy-mm-dd}#{fromUnit}#{toUnit}  all numbers, grown by ADD: referred (on the day referred),
 *                                               accepted, sentBack (wrongly referred), answeredInTime (accepted
 *                                               or sent back within the pair's target) on the day it was answered
 * </pre>
 *
 * Each count is one UpdateItem of ADDs in the transaction of the change it counts, so the figures never disagree
 * with the referrals. A period is one Query of a date range: at most pairs × days items, however many referrals.
 */
public final class ReferralFiguresStore {
    private static final String PK = "REFERRALS";
    private static final String DAY = "DAY#";

    public static final String REFERRED = "referred";
    public static final String ACCEPTED = "accepted";
    public static final String SENT_BACK = "sentBack";
    public static final String ANSWERED_IN_TIME = "answeredInTime";

    private final DynamoDbClient dynamo;
    private final String table;

    public ReferralFiguresStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One pair's counts over a period. */
    public record PairCounts(String fromUnitId, String toUnitId, long referred, long accepted, long sentBack,
                             long answeredInTime) {
        PairCounts plus(Map<String, AttributeValue> item) {
            return new PairCounts(fromUnitId, toUnitId, referred + count(item, REFERRED), accepted + count(item, ACCEPTED),
                    sentBack + count(item, SENT_BACK), answeredInTime + count(item, ANSWERED_IN_TIME));
        }

        private static long count(Map<String, AttributeValue> item, String name) {
            Long value = Items.number(item, name);
            return value == null ? 0 : value;
        }
    }

    public record Period(List<PairCounts> pairs, int itemsRead) {
        /** The pairs a unit is part of, as the referring or the receiving unit. */
        public List<PairCounts> of(String unitId) {
            return pairs.stream().filter(pair -> pair.fromUnitId().equals(unitId) || pair.toUnitId().equals(unitId)).toList();
        }
    }

    /** The update that adds one to each of {@code counters} on the pair's day. */
    public Update count(String fromUnitId, String toUnitId, LocalDate day, List<String> counters) {
        Map<String, String> names = new HashMap<>();
        List<String> adds = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
            names.put("#c" + i, counters.get(i));
            adds.add("#c" + i + " :one");
        }
        return Update.builder().tableName(table).key(Items.key(PK, DAY + day + "#" + fromUnitId + "#" + toUnitId))
                .updateExpression("ADD " + String.join(", ", adds)).expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":one", n(1))).build();
    }

    /** Every pair's counts summed over the days from {@code first} to {@code last}, pairs in order. */
    public Period period(LocalDate first, LocalDate last) {
        Map<String, PairCounts> pairs = new TreeMap<>();
        int itemsRead = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :first AND :last")
                    .expressionAttributeValues(Map.of(":pk", s(PK), ":first", s(DAY + first + "#"),
                            ":last", s(DAY + last + "#\uffff")))
                    .exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String[] units = Items.string(item, "sk").substring(DAY.length() + 11).split("#", 2);
                pairs.merge(units[0] + "#" + units[1], new PairCounts(units[0], units[1], 0, 0, 0, 0).plus(item),
                        (kept, day) -> kept.plus(item));
            }
            itemsRead += page.count();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new Period(List.copyOf(pairs.values()), itemsRead);
    }
}

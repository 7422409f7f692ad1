package io.civicdesk.figures;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Survey figures kept per unit, service and day (in the council's calendar), in the feedback table.
 *
 * <pre>
 * pk                 sk                         item
 * FIGURES#{unitId}   DAY#{yyyy-mm-dd}#{serviceId} unitId, serviceId, day; counters only ever ADDed:
 *                                               invited, answered, counterTaps, s1..s5 (satisfaction scores),
 *                                               r0..r10 (likely-to-recommend scores)
 * </pre>
 *
 * Every counter changes with an atomic ADD in the same transaction as the invitation or answer it counts, so the
 * figures cannot drift from the answers. A period's figures for a unit are one Query on its partition between
 * two days: a quarter is at most ~90 × services items. Counter-tablet taps use the service id {@code counter}.
 */
public final class SatisfactionFiguresStore {
    public static final String COUNTER_SERVICE = "counter";

    private final DynamoDbClient dynamo;
    private final String table;

    public SatisfactionFiguresStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Update invited(String unitId, String serviceId, LocalDate day) {
        return add(unitId, serviceId, day, Map.of("invited", 1L));
    }

    public Update answered(String unitId, String serviceId, LocalDate day, Scored answer, boolean atCounter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(atCounter ? "counterTaps" : "answered", 1L);
        counts.put("s" + answer.satisfaction(), 1L);
        if (answer.recommend() != null) {
            counts.put("r" + answer.recommend(), 1L);
        }
        return add(unitId, serviceId, day, counts);
    }

    /** {@link #invited} as the named part "surveyFigures" of the invitation's transaction. */
    public Write invitation(String unitId, String serviceId, LocalDate day) {
        return Write.update("surveyFigures", invited(unitId, serviceId, day));
    }

    /** {@link #answered} as the named part "figures" of the answer's transaction. */
    public Write answer(String unitId, String serviceId, LocalDate day, Scored answer, boolean atCounter) {
        return Write.update("figures", answered(unitId, serviceId, day, answer, atCounter));
    }

    private Update add(String unitId, String serviceId, LocalDate day, Map<String, Long> counts) {
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder adds = new StringBuilder();
        counts.forEach((name, n) -> {
            adds.append(adds.isEmpty() ? "" : ", ").append(name).append(" :").append(name);
            values.put(":" + name, n(n));
        });
        values.put(":unitId", s(unitId));
        values.put(":serviceId", s(serviceId));
        values.put(":day", s(day.toString()));
        return Update.builder().tableName(table).key(Items.key("FIGURES#" + unitId, "DAY#" + day + "#" + serviceId))
                .updateExpression("SET unitId = :unitId, serviceId = :serviceId, #day = :day ADD " + adds)
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(values).build();
    }

    /** A unit's figures per service over the days {@code from} to {@code to}, both included. */
    public Map<String, SurveyFigures> figures(String unitId, LocalDate from, LocalDate to) {
        Map<String, SurveyFigures> byService = new TreeMap<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s("FIGURES#" + unitId), ":from", s("DAY#" + from),
                            ":to", s("DAY#" + to + "#\uffff")))
                    .exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                Map<Integer, Long> satisfaction = new TreeMap<>();
                Map<Integer, Long> recommend = new TreeMap<>();
                for (int score = 1; score <= 5; score++) {
                    count(item, "s" + score).ifPresent(score, satisfaction);
                }
                for (int score = 0; score <= 10; score++) {
                    count(item, "r" + score).ifPresent(score, recommend);
                }
                byService.computeIfAbsent(Items.string(item, "serviceId"), id -> new SurveyFigures())
                        .add(count(item, "invited").n, count(item, "answered").n, count(item, "counterTaps").n,
                                satisfaction, recommend);
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return byService;
    }

    private record Count(long n) {
        void ifPresent(int score, Map<Integer, Long> into) {
            if (n > 0) {
                into.put(score, n);
            }
        }
    }

    private static Count count(Map<String, AttributeValue> item, String name) {
        Long n = Items.number(item, name);
        return new Count(n == null ? 0 : n);
    }
}

package io.civicdesk.figures;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Service-level figures, kept per unit, service and council day as requests change.
 *
 * <pre>
 * pk               sk                             attributes
 * UNIT#{unitId}    DAY#{yyyy-mm-dd}#{serviceId}   all numbers, all grown by ADD: received, responded, respondedInTime,
 *                                                 resolved, resolvedInTime, responseBreaches, resolutionBreaches,
 *                                                 firstContact, ch_{channel},
 *                                                 resp_{bucket}, resp_z, resol_{bucket}, resol_z  (duration sketches)
 * UNIT#{unitId}    BACKLOG#{periodKey}            the unit's backlog as a period's report first measured it, written
 *                                                 once: asAt, services (serviceId → under5, from5to20, over20, oldest)
 * AGENCY#{agencyId} DAY#{yyyy-mm-dd}#{serviceId}  the same counters for a client agency's requests, for its report
 * AGENCY#{agencyId} OPEN#{serviceId}              open: the agency's requests of the service not yet finished, grown
 *                                                 by ADD +1 when one arrives or reopens and -1 when one finishes
 * </pre>
 *
 * Every change is one UpdateItem of ADDs — it needs no read, two changes at once both count, and it can join
 * the transaction that changes the request, so the figures never disagree with the requests. A period's
 * figures for a unit are one Query over a date range: a quarter reads at most services × 92 items per unit,
 * however many requests there were; an agency's the same, at most its services × 92, and its backlog one Query
 * of its open counters. Survey answers are counted by the feedback capability
 * ({@link io.civicdesk.figures.SatisfactionFiguresStore}), not here.
 */
public final class FiguresStore {
    private static final String DAY = "DAY#";
    private static final String BACKLOG = "BACKLOG#";
    private static final String UNIT = "UNIT#";
    private static final String AGENCY = "AGENCY#";
    private static final String OPEN = "OPEN#";

    private final DynamoDbClient dynamo;
    private final String table;

    public FiguresStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Something that happened to a request that the figures count; it names the counters it adds one to. */
    public sealed interface Change {
        List<String> counters();
    }

    public record Received(String channel) implements Change {
        public List<String> counters() {
            return List.of("received", "ch_" + channel);
        }
    }

    public record Responded(double businessMinutes, boolean inTime) implements Change {
        public List<String> counters() {
            return when(inTime, List.of("responded", sketchCounter("resp_", businessMinutes)), "respondedInTime");
        }
    }

    public record Resolved(double businessMinutes, boolean inTime, boolean atFirstContact) implements Change {
        public List<String> counters() {
            return when(atFirstContact, when(inTime, List.of("resolved", sketchCounter("resol_", businessMinutes)),
                    "resolvedInTime"), "firstContact");
        }
    }

    public record ResponseBreached() implements Change {
        public List<String> counters() {
            return List.of("responseBreaches");
        }
    }

    public record ResolutionBreached() implements Change {
        public List<String> counters() {
            return List.of("resolutionBreaches");
        }
    }

    /** The update that counts a change, for the caller's transaction. */
    public Update update(String unitId, String serviceId, LocalDate day, Change change) {
        return update(unitId, serviceId, day, List.of(change));
    }

    /** The update that counts changes to a client agency's request, beside its unit's ({@link #update}). */
    public Update agencyUpdate(String agencyId, String serviceId, LocalDate day, List<? extends Change> changes) {
        return dayUpdate(AGENCY + agencyId, serviceId, day, changes);
    }

    /** Referrals between units, counted in the same table. */
    public ReferralFiguresStore referrals() {
        return new ReferralFiguresStore(dynamo, table);
    }

    /** The update that moves an agency's count of open requests of a service by {@code delta} (+1 or -1). */
    public Update agencyOpenUpdate(String agencyId, String serviceId, int delta) {
        return Update.builder().tableName(table).key(Items.key(AGENCY + agencyId, OPEN + serviceId))
                .updateExpression("ADD #open :delta").expressionAttributeNames(Map.of("#open", "open"))
                .expressionAttributeValues(Map.of(":delta", n(delta))).build();
    }

    /** An agency's open requests per service, now: one Query of its open counters. */
    public Map<String, Long> agencyOpen(String agencyId) {
        Map<String, Long> open = new TreeMap<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :open)")
                .expressionAttributeValues(Map.of(":pk", s(AGENCY + agencyId), ":open", s(OPEN))).build())
                .items().forEach(item -> open.put(Items.string(item, "sk").substring(OPEN.length()), Items.number(item, "open")));
        return open;
    }

    /**
     * The update that counts several changes to the same day's item at once: a transaction may touch an item only
     * once, so a response and its breach (or a response and a resolution together) must be one update.
     */
    public Update update(String unitId, String serviceId, LocalDate day, List<? extends Change> changes) {
        return dayUpdate(UNIT + unitId, serviceId, day, changes);
    }

    private Update dayUpdate(String pk, String serviceId, LocalDate day, List<? extends Change> changes) {
        List<String> counters = changes.stream().flatMap(change -> change.counters().stream()).toList();
        if (counters.isEmpty()) {
            throw new IllegalArgumentException("Nothing to count in " + changes);
        }
        Map<String, String> names = new HashMap<>();
        List<String> adds = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
            names.put("#c" + i, counters.get(i));
            adds.add("#c" + i + " :one");
        }
        return Update.builder().tableName(table)
                .key(Items.key(pk, DAY + day + "#" + serviceId))
                .updateExpression("ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":one", n(1)))
                .build();
    }

    /** Counts a change on its own, outside any transaction. */
    public void record(String unitId, String serviceId, LocalDate day, Change change) {
        record(unitId, serviceId, day, List.of(change));
    }

    /** Counts several changes to one day's item in one update, outside any transaction (e.g. the demo's history). */
    public void record(String unitId, String serviceId, LocalDate day, List<? extends Change> changes) {
        apply(update(unitId, serviceId, day, changes));
    }

    /** Applies an update this store made, outside any transaction (e.g. the demo's history, a generated quarter). */
    public void apply(Update update) {
        dynamo.updateItem(request -> request.tableName(update.tableName()).key(update.key())
                .updateExpression(update.updateExpression()).expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    private static List<String> when(boolean condition, List<String> counters, String counter) {
        if (!condition) {
            return counters;
        }
        List<String> more = new ArrayList<>(counters);
        more.add(counter);
        return more;
    }

    private static String sketchCounter(String prefix, double minutes) {
        return DurationSketch.isZero(minutes) ? prefix + "z" : prefix + DurationSketch.bucket(minutes);
    }

    /**
     * Writes a day's figures whole, replacing what was there: for rebuilding figures from the requests
     * themselves (a backfill after deploying onto existing data, or after a fix to how something is counted).
     */
    public void replaceDay(String unitId, String serviceId, LocalDate day, Figures figures) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(UNIT + unitId, DAY + day + "#" + serviceId));
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("received", figures.received);
        counters.put("responded", figures.responded);
        counters.put("respondedInTime", figures.respondedInTime);
        counters.put("resolved", figures.resolved);
        counters.put("resolvedInTime", figures.resolvedInTime);
        counters.put("responseBreaches", figures.responseBreaches);
        counters.put("resolutionBreaches", figures.resolutionBreaches);
        counters.put("firstContact", figures.firstContactResolutions);
        counters.put("resp_z", figures.responseMinutes.zeros());
        counters.put("resol_z", figures.resolutionMinutes.zeros());
        figures.channels.forEach((channel, n) -> counters.put("ch_" + channel, n));
        figures.responseMinutes.buckets().forEach((bucket, n) -> counters.put("resp_" + bucket, n));
        figures.resolutionMinutes.buckets().forEach((bucket, n) -> counters.put("resol_" + bucket, n));
        counters.forEach((name, n) -> {
            if (n != 0) {
                item.put(name, n(n));
            }
        });
        dynamo.putItem(request -> request.tableName(table).item(item));
    }

    /** Whose figures: a unit and a service. */
    public record PeriodFigures(Map<UnitService, Figures> figures, int itemsRead) {
    }

    /** Each unit's figures per service summed over the days from {@code first} to {@code last}. */
    public PeriodFigures periodFigures(Collection<String> unitIds, LocalDate first, LocalDate last) {
        return periodFigures(UNIT, unitIds, first, last);
    }

    /**
     * Each agency's figures per service summed over the days from {@code first} to {@code last}, keyed as a
     * {@link UnitService} whose first part is the agency.
     */
    public PeriodFigures agencyPeriodFigures(Collection<String> agencyIds, LocalDate first, LocalDate last) {
        return periodFigures(AGENCY, agencyIds, first, last);
    }

    private PeriodFigures periodFigures(String prefix, Collection<String> ids, LocalDate first, LocalDate last) {
        Map<UnitService, Figures> figures = new LinkedHashMap<>();
        int itemsRead = 0;
        for (String unitId : ids) {
            Map<String, AttributeValue> startKey = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :first AND :last")
                        .expressionAttributeValues(Map.of(":pk", s(prefix + unitId),
                                ":first", s(DAY + first + "#"), ":last", s(DAY + last + "#\uffff")))
                        .exclusiveStartKey(startKey).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    String serviceId = Items.string(item, "sk").substring(DAY.length() + 11);
                    figures.computeIfAbsent(new UnitService(unitId, serviceId), key -> new Figures()).merge(figures(item));
                }
                itemsRead += page.count();
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
        }
        return new PeriodFigures(figures, itemsRead);
    }

    private static Figures figures(Map<String, AttributeValue> item) {
        Map<Integer, Long> response = new HashMap<>();
        Map<Integer, Long> resolution = new HashMap<>();
        Figures figures = new Figures();
        long responseZeros = 0;
        long resolutionZeros = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            String name = attribute.getKey();
            if (attribute.getValue().n() == null) {
                continue;
            }
            long count = Long.parseLong(attribute.getValue().n());
            switch (name) {
                case "received" -> figures.received = count;
                case "responded" -> figures.responded = count;
                case "respondedInTime" -> figures.respondedInTime = count;
                case "resolved" -> figures.resolved = count;
                case "resolvedInTime" -> figures.resolvedInTime = count;
                case "responseBreaches" -> figures.responseBreaches = count;
                case "resolutionBreaches" -> figures.resolutionBreaches = count;
                case "firstContact" -> figures.firstContactResolutions = count;
                case "resp_z" -> responseZeros = count;
                case "resol_z" -> resolutionZeros = count;
                default -> {
                    if (name.startsWith("ch_")) {
                        figures.channels.put(name.substring(3), count);
                    } else if (name.startsWith("resp_")) {
                        response.put(Integer.valueOf(name.substring(5)), count);
                    } else if (name.startsWith("resol_")) {
                        resolution.put(Integer.valueOf(name.substring(6)), count);
                    }
                }
            }
        }
        figures.responseMinutes.merge(new DurationSketch(response, responseZeros));
        figures.resolutionMinutes.merge(new DurationSketch(resolution, resolutionZeros));
        return figures;
    }

    /** A unit's backlog as kept for a period, per service; empty when no run of that period has measured it yet. */
    public Optional<Map<String, Backlog>> keptBacklog(String unitId, String periodKey) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key(UNIT + unitId, BACKLOG + periodKey))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Backlog> byService = new TreeMap<>();
        Items.map(item, "services").forEach((serviceId, value) -> {
            Map<String, AttributeValue> bands = value.m();
            Long oldest = Items.number(bands, "oldest");
            byService.put(serviceId, new Backlog(Items.number(bands, "under5"), Items.number(bands, "from5to20"),
                    Items.number(bands, "over20"), oldest == null ? null : oldest.intValue()));
        });
        return Optional.of(byService);
    }

    /**
     * Keeps a unit's backlog for a period unless a run got there first, and returns the one kept — so every run
     * and resend of a period reports the backlog its first run saw.
     */
    public Map<String, Backlog> keepBacklog(String unitId, String periodKey, Map<String, Backlog> measured, Instant asAt) {
        Map<String, AttributeValue> services = new HashMap<>();
        measured.forEach((serviceId, backlog) -> {
            Map<String, AttributeValue> bands = new HashMap<>(Map.of("under5", n(backlog.underFiveDays()),
                    "from5to20", n(backlog.fiveToTwentyDays()), "over20", n(backlog.overTwentyDays())));
            if (backlog.oldestDays() != null) {
                bands.put("oldest", n(backlog.oldestDays()));
            }
            services.put(serviceId, AttributeValue.fromM(bands));
        });
        Map<String, AttributeValue> item = new HashMap<>(Items.key(UNIT + unitId, BACKLOG + periodKey));
        item.put("asAt", s(asAt.toString()));
        item.put("services", AttributeValue.fromM(services));
        try {
            dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return measured;
        } catch (ConditionalCheckFailedException keptAlready) {
            return keptBacklog(unitId, periodKey).orElseThrow();
        }
    }
}

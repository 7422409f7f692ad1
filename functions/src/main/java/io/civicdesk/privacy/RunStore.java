package io.civicdesk.privacy;

import io.civicdesk.platform.Items;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The retention runs and where the next one starts, in the catalogue table:
 *
 * <pre>
 * pk                   sk                     item
 * PRIVACY#RUN          {startedAt}#{uuid}     endedAt, by, anonymised {kind: n}, anonymisedAfterChange, leftAsChanged,
 *                                             answersDeleted, pages, moreRemain, lookupsBackfilled
 * PRIVACY#RETENTION    CURSOR                 tableIndex, after (the last key read, as text): where the next run resumes;
 *                                             lookupsTableIndex, lookupsAfter: the same for the lookup items' backfill
 * </pre>
 *
 * A run is recorded with its cursor in one TransactWriteItems; the runs are read newest first with one Query.
 */
public final class RunStore implements Runs {
    private static final String RUNS = "PRIVACY#RUN";

    private final DynamoDbClient dynamo;
    private final String table;

    public RunStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** One GetItem. */
    @Override
    public Cursors cursors() {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(Items.key("PRIVACY#RETENTION", "CURSOR")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new Cursors(Cursor.START, Cursor.START);
        }
        Integer lookups = Items.integer(item, "lookupsTableIndex");
        return new Cursors(new Cursor(Items.integer(item, "tableIndex"), Items.string(item, "after")),
                lookups == null ? Cursor.START : new Cursor(lookups, Items.string(item, "lookupsAfter")));
    }

    /** One TransactWriteItems of the run and the cursor. */
    @Override
    public void record(RetentionRun run, Cursors next) {
        Map<String, AttributeValue> counts = new LinkedHashMap<>();
        run.anonymised().forEach((kind, count) -> counts.put(kind.wireName(), n(count)));
        Map<String, AttributeValue> item = new LinkedHashMap<>(Items.key(RUNS, run.startedAt() + "#" + UUID.randomUUID()));
        item.put("endedAt", s(run.endedAt().toString()));
        item.put("by", s(run.by()));
        item.put("anonymised", AttributeValue.fromM(counts));
        item.put("anonymisedAfterChange", n(run.anonymisedAfterChange()));
        item.put("leftAsChanged", n(run.leftAsChanged()));
        item.put("answersDeleted", n(run.answersDeleted()));
        item.put("pages", n(run.pages()));
        item.put("moreRemain", Items.bool(run.moreRemain()));
        item.put("lookupsBackfilled", n(run.lookupsBackfilled()));
        Map<String, AttributeValue> cursor = new LinkedHashMap<>(Items.key("PRIVACY#RETENTION", "CURSOR"));
        cursor.put("tableIndex", n(next.retention().tableIndex()));
        if (next.retention().after() != null) {
            cursor.put("after", s(next.retention().after()));
        }
        cursor.put("lookupsTableIndex", n(next.lookups().tableIndex()));
        if (next.lookups().after() != null) {
            cursor.put("lookupsAfter", s(next.lookups().after()));
        }
        dynamo.transactWriteItems(write -> write.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(cursor).build()).build()));
    }

    /** One Query. */
    @Override
    public List<RetentionRun> latest(int limit) {
        List<RetentionRun> runs = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :runs").expressionAttributeValues(Map.of(":runs", s(RUNS)))
                .scanIndexForward(false).limit(limit)).items()) {
            Map<RecordKind, Integer> anonymised = new EnumMap<>(RecordKind.class);
            Items.map(item, "anonymised").forEach((kind, count) -> RecordKind.fromWireName(kind)
                    .ifPresent(known -> anonymised.put(known, Integer.parseInt(count.n()))));
            runs.add(new RetentionRun(Instant.parse(Items.string(item, "sk").split("#")[0]), ScanItems.instant(item, "endedAt"), Items.string(item, "by"),
                    anonymised, Items.integer(item, "anonymisedAfterChange"), Items.integer(item, "leftAsChanged"),
                    Items.integer(item, "answersDeleted"), Items.integer(item, "pages"), Items.flag(item, "moreRemain"),
                    Optional.ofNullable(Items.integer(item, "lookupsBackfilled")).orElse(0)));
        }
        return runs;
    }
}

package io.civicdesk.reports;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.civicdesk.platform.Items.s;

/**
 * The period reports made, and to whom each was mailed, in the figures table beside the day figures they sum.
 *
 * <pre>
 * pk                     sk                              item
 * REPORT#{periodKey}     REPORT                          kind, first, last, csv (the figures as mailed), summary (JSON),
 *                                                        createdAt, reportKind and reportFirst (the ReportHistory index's keys)
 * REPORT#{periodKey}     MAILED#{recipient}              mailId, mailedAt (of the latest send) — one per recipient, in the
 *                                                        same transaction as the outbox mail
 * </pre>
 *
 * {@code periodKey} is {@link ReportPeriod#key()} (e.g. {@code WEEKLY-2026-11-16}); a recipient is
 * {@code UNITS#{staffId}} (an account manager's units) or {@code EXECUTIVE#{staffId}} (the all-units summary).
 * The report item is written once, conditionally: a second run for the period keeps the first run's figures.
 * A period's report and its mailings are one Query of its partition. A kind's history, newest first, is one Query
 * of the sparse {@code ReportHistory} index (only report items carry {@code reportKind}), which projects the
 * summary but not the CSV.
 */
public final class ReportStore {
    private static final String REPORT = "REPORT";
    private static final String MAILED = "MAILED#";
    private static final String HISTORY_INDEX = "ReportHistory";

    private final DynamoDbClient dynamo;
    private final String table;

    public ReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public record StoredReport(String periodKey, ReportPeriod period, String csv, String summary, Instant createdAt) {
    }

    /** A report as the history lists it: its headline figures (the summary), without the CSV. */
    public record Listed(String periodKey, ReportPeriod period, String summary, Instant createdAt) {
    }

    /** A period's report and the recipients it has been mailed to. */
    public record PeriodRecord(StoredReport report, Set<String> mailedTo) {
    }

    /** Stores the report unless the period has one already; either way, the one stored. */
    public StoredReport storeOnce(StoredReport report) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(REPORT + "#" + report.periodKey(), REPORT));
        item.put("kind", s(report.period().kind().name()));
        item.put("first", s(report.period().first().toString()));
        item.put("last", s(report.period().last().toString()));
        item.put("csv", s(report.csv()));
        item.put("summary", s(report.summary()));
        item.put("createdAt", s(report.createdAt().toString()));
        item.put("reportKind", s(report.period().kind().name()));
        item.put("reportFirst", s(report.period().first().toString()));
        try {
            dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return report;
        } catch (ConditionalCheckFailedException e) {
            return period(report.periodKey()).report();
        }
    }

    /** The period's report (null if none yet) and who has had it. */
    public PeriodRecord period(String periodKey) {
        StoredReport report = null;
        Set<String> mailedTo = new HashSet<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(REPORT + "#" + periodKey)))
                    .consistentRead(true)
                    .exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = Items.string(item, "sk");
                if (sk.equals(REPORT)) {
                    report = new StoredReport(periodKey, period(item), Items.string(item, "csv"), Items.string(item, "summary"),
                            Instant.parse(Items.string(item, "createdAt")));
                } else if (sk.startsWith(MAILED)) {
                    mailedTo.add(sk.substring(MAILED.length()));
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return new PeriodRecord(report, mailedTo);
    }

    /** The latest reports of a kind, newest first: one Query of the history index, at most {@code limit}. */
    public List<Listed> history(ReportPeriod.Kind kind, int limit) {
        QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(HISTORY_INDEX)
                .keyConditionExpression("reportKind = :kind")
                .expressionAttributeValues(Map.of(":kind", s(kind.name())))
                .scanIndexForward(false).limit(limit).build());
        return page.items().stream().map(item -> {
            ReportPeriod period = period(item);
            return new Listed(period.key(), period, Items.string(item, "summary"), Instant.parse(Items.string(item, "createdAt")));
        }).toList();
    }

    private static ReportPeriod period(Map<String, AttributeValue> item) {
        return new ReportPeriod(ReportPeriod.Kind.valueOf(Items.string(item, "kind")),
                LocalDate.parse(Items.string(item, "first")), LocalDate.parse(Items.string(item, "last")));
    }

    /**
     * The mark that the report went to a recipient, for the transaction that writes the mail: the first time only,
     * unless it is a resend asked for (then it counts the send again).
     */
    public Write mailed(String periodKey, String recipient, String mailId, Instant now, boolean resend) {
        Put.Builder put = Put.builder().tableName(table).item(Map.of(
                "pk", s(REPORT + "#" + periodKey), "sk", s(MAILED + recipient), "mailId", s(mailId),
                "mailedAt", s(now.toString())));
        if (!resend) {
            put.conditionExpression("attribute_not_exists(pk)");
        }
        return Write.put("mailed", put.build());
    }
}

package io.civicdesk.agencyreports;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import io.civicdesk.reports.ReportPeriod;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Each agency's stored reports, in the figures table beside the agency's day figures.
 *
 * <pre>
 * pk                 sk                      attributes
 * AGENCY#{agencyId}  REPORT#{first}#{kind}   periodKey, agreementVersion, received, open, responseInTime,
 *                                            resolutionInTime (shares, absent when nothing counted), chargedCents,
 *                                            csv (the report as mailed), madeAt
 * </pre>
 *
 * A report is written once, by a PutItem that must not find one, in the same transaction as its mails — so a
 * second run of the period (a retried schedule, a "run now") mails nobody twice. An agency's last reports are one
 * Query of its REPORT# items, newest first, with a limit; one report (to send it again) is one GetItem.
 */
public final class AgencyReportStore {
    private static final String REPORT = "REPORT#";

    private final DynamoDbClient dynamo;
    private final String table;

    public AgencyReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Write storedOnce(AgencyReport report, String csv, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key("AGENCY#" + report.agencyId(), sk(report.period())));
        item.put("periodKey", s(report.period().key()));
        item.put("agreementVersion", n(report.agreementVersion()));
        item.put("received", n(report.received()));
        item.put("open", n(report.open()));
        Double response = report.total().shareRespondedInTime();
        Double resolution = report.total().shareResolvedInTime();
        if (response != null) {
            item.put("responseInTime", n(response));
        }
        if (resolution != null) {
            item.put("resolutionInTime", n(resolution));
        }
        if (report.chargedCents() != null) {
            item.put("chargedCents", n(report.chargedCents()));
        }
        item.put("csv", s(csv));
        item.put("madeAt", s(now.toString()));
        return Write.put("report", Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build());
    }

    /** By the period's first day, so an agency's reports sort in time whatever their kind. */
    private static String sk(ReportPeriod period) {
        return REPORT + period.first() + "#" + period.kind();
    }

    /** When the agency's latest report was made (and mailed): its newest REPORT# item, one item read. */
    public Optional<Instant> lastMadeAt(String agencyId) {
        return dynamo.query(query -> query.tableName(table).scanIndexForward(false).limit(1)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("AGENCY#" + agencyId), ":prefix", s(REPORT))))
                .items().stream().findFirst().map(item -> Instant.parse(Items.string(item, "madeAt")));
    }

    public Optional<String> csv(String agencyId, ReportPeriod period) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(Items.key("AGENCY#" + agencyId, sk(period)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.string(item, "csv"));
    }

    /** A report as stored: its period, its headline figures and the CSV as it was mailed. */
    public record Stored(String agencyId, ReportPeriod period, int agreementVersion, long received, long open,
                         Double responseInTime, Double resolutionInTime, Long chargedCents, String csv, Instant madeAt) {
    }

    public Optional<Stored> stored(String agencyId, ReportPeriod period) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key("AGENCY#" + agencyId, sk(period)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(agencyId, item));
    }

    /** The agency's last {@code limit} reports, newest first. */
    public List<Stored> latest(String agencyId, int limit) {
        return dynamo.query(query -> query.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :report)")
                        .expressionAttributeValues(Map.of(":pk", s("AGENCY#" + agencyId), ":report", s(REPORT)))
                        .scanIndexForward(false).limit(limit))
                .items().stream().map(item -> stored(agencyId, item)).toList();
    }

    private static Stored stored(String agencyId, Map<String, AttributeValue> item) {
        String[] sk = Items.string(item, "sk").split("#");
        ReportPeriod period = ReportPeriod.containing(ReportPeriod.Kind.valueOf(sk[2]), LocalDate.parse(sk[1]));
        return new Stored(agencyId, period, Items.integer(item, "agreementVersion"), Items.number(item, "received"),
                Items.number(item, "open"), Items.decimal(item, "responseInTime"), Items.decimal(item, "resolutionInTime"),
                Items.number(item, "chargedCents"), Items.string(item, "csv"), Instant.parse(Items.string(item, "madeAt")));
    }
}

package io.civicdesk.agencyreports;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import io.civicdesk.reports.ReportPeriod;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Instant;
import java.util.HashMap;
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
 * second run of the period (a retried schedule, a "run now") mails nobody twice. The last report of an agency is one
 * Query of its REPORT# items, newest first, limit 1.
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
}

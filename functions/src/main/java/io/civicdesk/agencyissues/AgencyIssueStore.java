package io.civicdesk.agencyissues;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Each agency's issue log, in the catalogue table beside the agencies, one partition per agency (shared with its
 * meeting notes, {@link MeetingNoteStore}).
 *
 * <pre>
 * pk                     sk                item
 * AGENCY-LOG#{agencyId}  ISSUE#{issueId}   title, detail, raisedBy (a contact's email; absent: the account manager),
 *                                          level, resolved, due, steps [{at, staffId, staffName, action, level,
 *                                          note}], version
 * </pre>
 *
 * The issue id begins with the day it was raised, so the log reads in order. An issue is raised by a PutItem that
 * must not find one, and each step is a PutItem conditional on the version read — both in one transaction with the
 * contact's mail. The agency's page and the status page read its log with one Query of its ISSUE# items: it grows
 * with the agency's issues, never with requests.
 */
public final class AgencyIssueStore {
    static final String PARTITION = "AGENCY-LOG#";
    private static final String ISSUE = "ISSUE#";

    private final DynamoDbClient dynamo;
    private final String table;

    public AgencyIssueStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Write raised(AgencyIssue issue) {
        return Write.put("issue", Put.builder().tableName(table).item(item(issue))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    /** The issue after a step, only if it is still at {@code read}. */
    public Write stepped(AgencyIssue issue, long read) {
        return Write.put("issue", Put.builder().tableName(table).item(item(issue))
                .conditionExpression("#version = :read").expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":read", n(read))).build());
    }

    public Optional<AgencyIssue> issue(String agencyId, String issueId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
                .key(Items.key(PARTITION + agencyId, ISSUE + issueId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(issue(item));
    }

    /** The agency's issues, newest first. */
    public List<AgencyIssue> issues(String agencyId) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).scanIndexForward(false)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(PARTITION + agencyId), ":prefix", s(ISSUE))).build())
                .items().stream().map(AgencyIssueStore::issue).toList();
    }

    private static Map<String, AttributeValue> item(AgencyIssue issue) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(PARTITION + issue.agencyId(), ISSUE + issue.id()));
        item.put("agencyId", s(issue.agencyId()));
        item.put("id", s(issue.id()));
        item.put("title", s(issue.title()));
        item.put("detail", s(issue.detail()));
        item.put("raisedBy", issue.raisedBy() == null ? null : s(issue.raisedBy()));
        item.put("level", s(issue.level().wireName()));
        item.put("resolved", issue.resolved() ? Items.bool(true) : null);
        item.put("due", s(issue.due().toString()));
        item.put("version", n(issue.version()));
        item.put("steps", AttributeValue.fromL(issue.steps().stream().map(step -> {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("at", s(step.at().toString()));
            m.put("staffId", s(step.staffId()));
            m.put("staffName", step.staffName() == null ? null : s(step.staffName()));
            m.put("action", s(step.action().wireName()));
            m.put("level", s(step.level().wireName()));
            m.put("note", step.note() == null ? null : s(step.note()));
            return AttributeValue.fromM(Items.compact(m));
        }).toList()));
        return Items.compact(item);
    }

    private static AgencyIssue issue(Map<String, AttributeValue> item) {
        return new AgencyIssue(Items.string(item, "agencyId"), Items.string(item, "id"), Items.string(item, "title"),
                Items.string(item, "detail"), Items.string(item, "raisedBy"),
                AgencyIssue.Level.fromWireName(Items.string(item, "level")).orElseThrow(), Items.flag(item, "resolved"),
                LocalDate.parse(Items.string(item, "due")),
                Items.mapList(item, "steps").stream().map(m -> new AgencyIssue.Step(Instant.parse(Items.string(m, "at")),
                        Items.string(m, "staffId"), Items.string(m, "staffName"),
                        AgencyIssue.Action.fromWireName(Items.string(m, "action")).orElseThrow(),
                        AgencyIssue.Level.fromWireName(Items.string(m, "level")).orElseThrow(), Items.string(m, "note"))).toList(),
                Items.number(item, "version"));
    }
}

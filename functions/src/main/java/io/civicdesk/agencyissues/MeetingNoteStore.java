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

import static io.civicdesk.platform.Items.s;

/**
 * The notes of forums and service meetings held with each agency, in its log partition beside its issues.
 *
 * <pre>
 * pk                     sk                            item
 * AGENCY-LOG#{agencyId}  MEETING#{held}#{meetingId}    kind, attendees [..], notes, actions, recordedBy, recordedAt
 * </pre>
 *
 * A note is written once, by a PutItem that must not find one; it is never changed. By the day it was held, so the
 * agency's notes read newest first with one Query, and its last meeting is that Query limited to one.
 */
public final class MeetingNoteStore {
    private static final String MEETING = "MEETING#";

    private final DynamoDbClient dynamo;
    private final String table;

    public MeetingNoteStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Write recorded(MeetingNote note) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(AgencyIssueStore.PARTITION + note.agencyId(),
                MEETING + note.held() + "#" + note.id()));
        item.put("agencyId", s(note.agencyId()));
        item.put("id", s(note.id()));
        item.put("held", s(note.held().toString()));
        item.put("kind", s(note.kind().wireName()));
        item.put("attendees", Items.strings(note.attendees()));
        item.put("notes", s(note.notes()));
        item.put("actions", note.actions() == null ? null : s(note.actions()));
        item.put("recordedBy", s(note.recordedBy()));
        item.put("recordedAt", s(note.recordedAt().toString()));
        return Write.put("meeting", Put.builder().tableName(table).item(Items.compact(item))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    /** The agency's notes, the latest meeting first. */
    public List<MeetingNote> notes(String agencyId) {
        return dynamo.queryPaginator(query(agencyId).build()).items().stream().map(MeetingNoteStore::note).toList();
    }

    /** The day of the agency's latest meeting: one item read. */
    public Optional<LocalDate> lastHeld(String agencyId) {
        return dynamo.query(query(agencyId).limit(1).build()).items().stream().findFirst()
                .map(item -> LocalDate.parse(Items.string(item, "held")));
    }

    private QueryRequest.Builder query(String agencyId) {
        return QueryRequest.builder().tableName(table).scanIndexForward(false)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(AgencyIssueStore.PARTITION + agencyId), ":prefix", s(MEETING)));
    }

    private static MeetingNote note(Map<String, AttributeValue> item) {
        return new MeetingNote(Items.string(item, "agencyId"), Items.string(item, "id"),
                LocalDate.parse(Items.string(item, "held")),
                MeetingNote.Kind.fromWireName(Items.string(item, "kind")).orElseThrow(), Items.stringList(item, "attendees"),
                Items.string(item, "notes"), Items.string(item, "actions"), Items.string(item, "recordedBy"),
                Instant.parse(Items.string(item, "recordedAt")));
    }
}

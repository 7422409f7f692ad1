package io.civicdesk.feedback;

import io.civicdesk.languages.Language;
import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.ContactLookupItems;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Contact;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Complaints and their reviews, in the feedback table.
 *
 * <pre>
 * pk                      sk     item
 * COMPLAINT#{reference}   CASE   a complaint, or a review (parentReference set); version counts its changes
 *                                openQueue = complaints | reviews, nextDue = {date}#{reference}  while open → OpenCases
 *                                period = COMPLAINTS#{yyyy-mm of receipt}, periodAt = {receivedAt}#{reference}
 *                                (complaints only; a review is counted with its complaint)      → ByPeriod
 * COMPLAINT#{reference}   NOTE#{at}#{byId}   an investigation note (staff only), append-only; one Query reads a case's
 * COMPLAINT#{reference}   CONTACT#{term}     the contact's lookup items (platform.ContactLookup → ByContact), with the case
 * </pre>
 *
 * Every change is a Put of the whole case on the condition that its version is the one read, so two officers
 * saving at once never lose an update; a review is created in the same transaction as its complaint's change.
 * Open cases by the next date due are one Query on the sparse index OpenCases; a month's complaints one Query
 * on ByPeriod.
 */
public final class ComplaintStore implements Complaints {
    static final String OPEN_INDEX = "OpenCases";

    private final DynamoDbClient dynamo;
    private final String table;

    public ComplaintStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Write> create(Complaint complaint) {
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put("case", Put.builder().tableName(table).item(item(complaint))
                .conditionExpression("attribute_not_exists(pk)").build()));
        writes.addAll(ContactLookupItems.of(table, "COMPLAINT#" + complaint.reference(), complaint.contact().email(),
                complaint.contact().phone()));
        return writes;
    }

    @Override
    public Write save(Complaint changed) {
        return Write.put("case", Put.builder().tableName(table).item(item(changed))
                .conditionExpression("version = :read")
                .expressionAttributeValues(Map.of(":read", n(changed.version() - 1))).build());
    }

    @Override
    public Optional<Complaint> find(String reference) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("COMPLAINT#" + reference, "CASE")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(complaint(item));
    }

    @Override
    public List<Complaint> open(String queue) {
        return query(request -> request.indexName(OPEN_INDEX).keyConditionExpression("openQueue = :queue")
                .expressionAttributeValues(Map.of(":queue", s(queue))));
    }

    /** Complaints received in a month (UTC), oldest first. */
    @Override
    public List<Complaint> received(YearMonth month) {
        return query(request -> request.indexName(SurveyStore.INDEX).keyConditionExpression("period = :period")
                .expressionAttributeValues(Map.of(":period", s("COMPLAINTS#" + month))));
    }

    @Override
    public Write noted(ComplaintNote note) {
        Map<String, AttributeValue> item = Map.of("pk", s("COMPLAINT#" + note.reference()),
                "sk", s("NOTE#" + note.at() + "#" + note.byId()), "at", s(note.at().toString()), "byId", s(note.byId()),
                "byName", s(note.byName()), "note", s(note.note()));
        return Write.put("note", Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build());
    }

    /** One Query of the case's partition, the notes' part. */
    @Override
    public List<ComplaintNote> notes(String reference) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :note)").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", s("COMPLAINT#" + reference), ":note", s("NOTE#"))).build())
                .items().stream().map(item -> new ComplaintNote(reference, Instant.parse(Items.string(item, "at")),
                        Items.string(item, "byId"), Items.string(item, "byName"), Items.string(item, "note"))).toList();
    }

    private List<Complaint> query(Function<QueryRequest.Builder, QueryRequest.Builder> shape) {
        List<Complaint> found = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(shape.apply(QueryRequest.builder().tableName(table)).exclusiveStartKey(startKey).build());
            page.items().stream().map(ComplaintStore::complaint).forEach(found::add);
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return found;
    }

    private static Map<String, AttributeValue> item(Complaint c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("COMPLAINT#" + c.reference()));
        item.put("sk", s("CASE"));
        item.put("reference", s(c.reference()));
        item.put("parentReference", s(c.parentReference()));
        item.put("unitId", s(c.unitId()));
        item.put("serviceId", s(c.serviceId()));
        item.put("theme", s(c.theme()));
        Map<String, AttributeValue> about = new HashMap<>();
        about.put("unitId", s(c.about().unitId()));
        about.put("serviceId", s(c.about().serviceId()));
        about.put("requestReference", s(c.about().requestReference()));
        about.put("bookingReference", s(c.about().bookingReference()));
        about.put("officerName", s(c.about().officerName()));
        item.put("about", AttributeValue.fromM(Items.compact(about)));
        item.put("message", s(c.message()));
        Map<String, AttributeValue> contact = new HashMap<>();
        contact.put("name", s(c.contact().name()));
        contact.put("email", s(c.contact().email()));
        contact.put("phone", s(c.contact().phone()));
        item.put("contact", AttributeValue.fromM(Items.compact(contact)));
        item.put("language", s(c.language().tag()));
        item.put("preferredChannel", c.texts() ? s("sms") : null);
        item.put("receivedAt", s(c.receivedAt().toString()));
        item.put("status", s(c.status()));
        item.put("acknowledgeBy", s(c.acknowledgeBy().toString()));
        item.put("answerBy", s(c.answerBy().toString()));
        item.put("acknowledgedAt", c.acknowledgedAt() == null ? null : s(c.acknowledgedAt().toString()));
        item.put("answeredAt", c.answeredAt() == null ? null : s(c.answeredAt().toString()));
        item.put("outcome", s(c.outcome()));
        item.put("reasons", s(c.reasons()));
        item.put("handledBy", s(c.handledBy()));
        item.put("handlerUnitId", s(c.handlerUnitId()));
        item.put("reviewRequestBy", c.reviewRequestBy() == null ? null : s(c.reviewRequestBy().toString()));
        item.put("reviewReference", s(c.reviewReference()));
        item.put("secretHash", s(c.secretHash()));
        item.put("version", n(c.version()));
        if (c.open()) {
            item.put("openQueue", s(c.isReview() ? "reviews" : "complaints"));
            LocalDate due = Complaint.RECEIVED.equals(c.status()) ? c.acknowledgeBy() : c.answerBy();
            item.put("nextDue", s(due + "#" + c.reference()));
        }
        if (!c.isReview()) {
            item.put("period", s("COMPLAINTS#" + YearMonth.from(c.receivedAt().atZone(ZoneOffset.UTC))));
            item.put("periodAt", s(c.receivedAt() + "#" + c.reference()));
        }
        return Items.compact(item);
    }

    private static Complaint complaint(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> about = Items.map(item, "about");
        Map<String, AttributeValue> contact = Items.map(item, "contact");
        return new Complaint(Items.string(item, "reference"), Items.string(item, "parentReference"),
                Items.string(item, "unitId"), Items.string(item, "serviceId"), Items.string(item, "theme"),
                new Complaint.About(Items.string(about, "unitId"), Items.string(about, "serviceId"),
                        Items.string(about, "requestReference"), Items.string(about, "bookingReference"),
                        Items.string(about, "officerName")),
                Items.string(item, "message"),
                new Contact(Items.string(contact, "name"), Items.string(contact, "email"), Items.string(contact, "phone")),
                Language.stored(Items.string(item, "language")), "sms".equals(Items.string(item, "preferredChannel")),
                Instant.parse(Items.string(item, "receivedAt")), Items.string(item, "status"),
                LocalDate.parse(Items.string(item, "acknowledgeBy")), LocalDate.parse(Items.string(item, "answerBy")),
                instant(item, "acknowledgedAt"), instant(item, "answeredAt"), Items.string(item, "outcome"),
                Items.string(item, "reasons"), Items.string(item, "handledBy"), Items.string(item, "handlerUnitId"),
                Items.string(item, "reviewRequestBy") == null ? null : LocalDate.parse(Items.string(item, "reviewRequestBy")),
                Items.string(item, "reviewReference"), Items.string(item, "secretHash"), Items.number(item, "version"));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = Items.string(item, name);
        return value == null ? null : Instant.parse(value);
    }
}

package io.civicdesk.requests;

import io.civicdesk.notify.Mail;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Items;
import io.civicdesk.sla.ExpectedDates;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Requests, their public updates, and the first answers to idempotent submissions.
 *
 * <pre>
 * pk                     sk                        item
 * REQUEST#{reference}    REQUEST                   the request; version counts its changes
 * REQUEST#{reference}    UPDATE#{instant}#{n}      a public update, append-only, in time order
 * IDEMPOTENCY#{sha256}   IDEMPOTENCY               the first answer to a submission with that key; expiresAt (TTL) a day on
 * </pre>
 *
 * One Query on a request's partition reads the request and all its updates, in order ("REQUEST" sorts before
 * "UPDATE#"). A new request, its first update, its idempotency record and its confirmation mail (in the
 * outbox table) are one transaction: all are written or none, and each only if it does not exist yet.
 */
public final class RequestStore {
    static final Duration KEEP_IDEMPOTENT_ANSWERS = Duration.ofHours(24);

    private final DynamoDbClient dynamo;
    private final String table;
    private final OutboxStore outbox;

    public RequestStore(DynamoDbClient dynamo, String table, OutboxStore outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
    }

    /** Why a new request was not written. */
    public enum Clash { REFERENCE_TAKEN, IDEMPOTENCY_KEY_USED, BUSY }

    public static final class NotCreated extends RuntimeException {
        private final Clash clash;

        NotCreated(Clash clash) {
            super(clash.name(), null, false, false);
            this.clash = clash;
        }

        public Clash clash() {
            return clash;
        }
    }

    /**
     * Writes a new request with its first update, and, when given, its idempotent answer and a mail.
     *
     * @throws NotCreated when the reference or the idempotency key is already taken, or a concurrent
     *                    transaction on the same items won — nothing at all was written
     */
    public void create(ServiceRequest request, PublicUpdate firstUpdate, IdempotentAnswer answer, Mail mail, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(requestItem(request)));
        writes.add(put(updateItem(request.reference(), firstUpdate, 0)));
        if (answer != null) {
            writes.add(put(idempotencyItem(answer, now)));
        }
        if (mail != null) {
            writes.add(TransactWriteItem.builder().put(outbox.pendingMail(mail, now)).build());
        }
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failedCondition(reasons, 0)) {
                throw new NotCreated(Clash.REFERENCE_TAKEN);
            }
            if (answer != null && failedCondition(reasons, 2)) {
                throw new NotCreated(Clash.IDEMPOTENCY_KEY_USED);
            }
            if (reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                throw new NotCreated(Clash.BUSY);
            }
            throw e;
        }
    }

    public Optional<IdempotentAnswer> idempotentAnswer(String keyHash) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("IDEMPOTENCY#" + keyHash, "IDEMPOTENCY")).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotentAnswer(keyHash, Items.string(item, "fingerprint"),
                Items.integer(item, "status"), Items.string(item, "body")));
    }

    public record RequestWithUpdates(ServiceRequest request, List<PublicUpdate> updates) {
    }

    public Optional<RequestWithUpdates> find(Reference reference) {
        List<Map<String, AttributeValue>> items = dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition(reference))))).items();
        if (items.isEmpty() || !"REQUEST".equals(Items.string(items.get(0), "sk"))) {
            return Optional.empty();
        }
        List<PublicUpdate> updates = items.subList(1, items.size()).stream().map(RequestStore::update).toList();
        return Optional.of(new RequestWithUpdates(request(items.get(0)), updates));
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static String partition(Reference reference) {
        return "REQUEST#" + reference.value();
    }

    private static Map<String, AttributeValue> requestItem(ServiceRequest request) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(request.reference())));
        item.put("sk", s("REQUEST"));
        item.put("reference", s(request.reference().value()));
        item.put("serviceId", s(request.serviceId()));
        item.put("serviceName", s(request.serviceName()));
        item.put("unitId", s(request.unitId()));
        item.put("status", s(request.status()));
        item.put("submittedAt", s(request.submittedAt().toString()));
        item.put("timeZone", s(request.timeZone()));
        item.put("responseDue", s(request.expected().response().toString()));
        item.put("resolutionDue", s(request.expected().resolution().toString()));
        item.put("answers", AttributeValue.fromL(request.answers().stream().map(answer -> AttributeValue.fromM(Map.of(
                "questionId", s(answer.questionId()), "question", s(answer.question()),
                "values", Items.strings(answer.values())))).toList()));
        item.put("location", AttributeValue.fromM(Items.compact(locationItem(request.location()))));
        item.put("description", s(request.description()));
        item.put("contact", AttributeValue.fromM(Items.compact(contactItem(request.contact()))));
        item.put("preferredChannel", s(request.preferredChannel().wireName()));
        item.put("channel", s(request.channel()));
        item.put("secretHash", s(request.secretHash()));
        item.put("version", n(request.version()));
        return Items.compact(item);
    }

    private static Map<String, AttributeValue> locationItem(Location location) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("address", s(location.address()));
        item.put("latitude", location.latitude() == null ? null : n(location.latitude()));
        item.put("longitude", location.longitude() == null ? null : n(location.longitude()));
        return item;
    }

    private static Map<String, AttributeValue> contactItem(Contact contact) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("name", s(contact.name()));
        item.put("email", s(contact.email()));
        item.put("phone", s(contact.phone()));
        return item;
    }

    private static Map<String, AttributeValue> updateItem(Reference reference, PublicUpdate update, int sequence) {
        return Items.compact(Map.of(
                "pk", s(partition(reference)),
                "sk", s("UPDATE#" + update.at() + "#" + sequence),
                "at", s(update.at().toString()),
                "status", s(update.status()),
                "message", s(update.message())));
    }

    private static Map<String, AttributeValue> idempotencyItem(IdempotentAnswer answer, Instant now) {
        return Map.of(
                "pk", s("IDEMPOTENCY#" + answer.keyHash()),
                "sk", s("IDEMPOTENCY"),
                "fingerprint", s(answer.fingerprint()),
                "status", n(answer.status()),
                "body", s(answer.body()),
                "expiresAt", n(now.plus(KEEP_IDEMPOTENT_ANSWERS).getEpochSecond()));
    }

    private static ServiceRequest request(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> location = Items.map(item, "location");
        Map<String, AttributeValue> contact = Items.map(item, "contact");
        return new ServiceRequest(new Reference(Items.string(item, "reference")), Items.string(item, "serviceId"),
                Items.string(item, "serviceName"), Items.string(item, "unitId"), Items.string(item, "status"),
                Instant.parse(Items.string(item, "submittedAt")), Items.string(item, "timeZone"),
                new ExpectedDates(LocalDate.parse(Items.string(item, "responseDue")),
                        LocalDate.parse(Items.string(item, "resolutionDue"))),
                Items.mapList(item, "answers").stream().map(answer -> new Answer(Items.string(answer, "questionId"),
                        Items.string(answer, "question"), Items.stringList(answer, "values"))).toList(),
                new Location(Items.string(location, "address"), Items.decimal(location, "latitude"),
                        Items.decimal(location, "longitude")),
                Items.string(item, "description"),
                new Contact(Items.string(contact, "name"), Items.string(contact, "email"), Items.string(contact, "phone")),
                PreferredChannel.fromWireName(Items.string(item, "preferredChannel")).orElse(PreferredChannel.NONE),
                Items.string(item, "channel"), Items.string(item, "secretHash"), Items.number(item, "version"));
    }

    private static PublicUpdate update(Map<String, AttributeValue> item) {
        return new PublicUpdate(Instant.parse(Items.string(item, "at")), Items.string(item, "status"),
                Items.string(item, "message"));
    }
}

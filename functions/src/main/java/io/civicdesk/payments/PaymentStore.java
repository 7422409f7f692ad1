package io.civicdesk.payments;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

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
 * Payments, the webhook events already taken, and the day's ledger, in the table of what they pay for (BookingsTable):
 * <pre>
 * pk                              sk                             item
 * PAYMENTS#{kind}#{reference}     PAYMENT#{paymentId}            state, version, body (the payment as JSON, its attempts and refunds)
 * WEBHOOK#{provider}#{eventId}    WEBHOOK                        receivedAt; expiresAt (TTL, 30 days): an event taken once, never twice
 * PAYDAY#{yyyy-mm-dd, Perth}      {at}#{paymentId}#{entry}       entry (payment|refund), kind, reference, amountCents, method
 * PAYDUE#{yyyy-mm-dd, Perth}      {kind}#{reference}             at, amountCents: taken on that day to be paid at the counter
 *                                                                (a booking staff made of a facility paid online)
 * </pre>
 * A subject's payments are one Query on its partition. The webhook's event item, the payment's new state, its ledger
 * line and the booking's move are one TransactWriteItems: an event delivered twice, or a payment confirmed twice, is
 * written once. The reconciliation reads one day's ledger partition, and that day's PAYDUE partition for what was
 * taken on without a payment (written with the booking), so it can list what is still unpaid.
 */
public final class PaymentStore {
    public static final String PAYMENT = "payment";
    public static final String EVENT = "webhook event";
    static final Duration KEEP_EVENTS = Duration.ofDays(30);

    public record LedgerLine(Instant at, String paymentId, String entry, String kind, String reference, long amountCents,
                             String method) {
    }

    /** Something taken on to be paid later, at the counter. */
    public record Owed(Instant at, String kind, String reference, long amountCents) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public PaymentStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public List<Payment> of(String kind, String reference) {
        List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(partition(kind, reference))))
                .consistentRead(true).build()).items();
        List<Payment> payments = new ArrayList<>(items.stream().map(PaymentStore::payment).toList());
        payments.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return payments;
    }

    public Optional<Payment> find(String kind, String reference, String paymentId) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(partition(kind, reference), "PAYMENT#" + paymentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(payment(item));
    }

    /** A new payment on its own (its checkout just created): one PutItem. */
    public void create(Payment payment) {
        Put put = put(payment, null).item().put();
        dynamo.putItem(request -> request.tableName(put.tableName()).item(put.item()).conditionExpression(put.conditionExpression()));
    }

    /** A new payment, or the next state of one read at {@code before}'s version. */
    public Write put(Payment payment, Payment before) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(payment.kind(), payment.reference())));
        item.put("sk", s("PAYMENT#" + payment.id()));
        item.put("state", s(payment.state().name()));
        item.put("version", n(payment.version()));
        item.put("body", s(Json.write(payment)));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (before == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :version").expressionAttributeValues(Map.of(":version", n(before.version())));
        }
        return Write.put(PAYMENT, put.build());
    }

    /** Written once per event: refused when the event was taken before. */
    public Write eventTaken(String provider, String eventId, Instant now) {
        return Write.put(EVENT, Put.builder().tableName(table).item(Map.of("pk", s("WEBHOOK#" + provider + "#" + eventId),
                        "sk", s("WEBHOOK"), "receivedAt", s(now.toString()),
                        "expiresAt", n(now.plus(KEEP_EVENTS).getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)").build());
    }

    public Write ledger(LocalDate day, LedgerLine line) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("PAYDAY#" + day));
        item.put("sk", s(line.at() + "#" + line.paymentId() + "#" + line.entry()));
        item.put("at", s(line.at().toString()));
        item.put("paymentId", s(line.paymentId()));
        item.put("entry", s(line.entry()));
        item.put("kind", s(line.kind()));
        item.put("reference", s(line.reference()));
        item.put("amountCents", n(line.amountCents()));
        item.put("method", s(line.method()));
        return Write.put("ledger", Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)").build());
    }

    public List<LedgerLine> day(LocalDate day) {
        List<LedgerLine> lines = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s("PAYDAY#" + day))).exclusiveStartKey(startKey).build());
            page.items().forEach(item -> lines.add(new LedgerLine(Instant.parse(Items.string(item, "at")), Items.string(item, "paymentId"),
                    Items.string(item, "entry"), Items.string(item, "kind"), Items.string(item, "reference"),
                    Items.number(item, "amountCents"), Items.string(item, "method"))));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return lines;
    }

    /** Written with what is owed; a retry of the same write is the same item. */
    public Write owed(LocalDate day, Owed owed) {
        return Write.put("owed", Put.builder().tableName(table).item(Map.of("pk", s("PAYDUE#" + day),
                "sk", s(owed.kind() + "#" + owed.reference()), "at", s(owed.at().toString()), "kind", s(owed.kind()),
                "reference", s(owed.reference()), "amountCents", n(owed.amountCents()))).build());
    }

    public List<Owed> owedOn(LocalDate day) {
        List<Owed> owed = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s("PAYDUE#" + day))).exclusiveStartKey(startKey).build());
            page.items().forEach(item -> owed.add(new Owed(Instant.parse(Items.string(item, "at")), Items.string(item, "kind"),
                    Items.string(item, "reference"), Items.number(item, "amountCents"))));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return owed;
    }

    private static String partition(String kind, String reference) {
        return "PAYMENTS#" + kind + "#" + reference;
    }

    private static Payment payment(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readValue(Items.string(item, "body"), Payment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored payment cannot be read", e);
        }
    }
}

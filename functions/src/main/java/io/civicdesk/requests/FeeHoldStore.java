package io.civicdesk.requests;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Reports waiting for their fee, in the requests table:
 * <pre>
 * pk                     sk                          item
 * REQUEST#{reference}    AWAITING-PAYMENT            body (the {@link FeeHold} as JSON), payBy; expiresAt (TTL) a week on
 * FEEHOLDS               {payBy}#{reference}         the release list: one per hold, read by the sweep up to now
 * </pre>
 * The hold shares its request's partition, so the reference is taken once; "AWAITING-PAYMENT" sorts before
 * "REQUEST", so the tracking page's read ({@code sk >= "REQUEST"}) never sees it. Both items are written with the
 * report's idempotency record, and deleted (each only if it is there) in the transaction that makes the request or
 * releases the hold: a hold is paid or released once. The release list is one small partition: holds last 40 minutes.
 */
public final class FeeHoldStore {
    public static final String HOLD = "fee hold";
    private static final String RELEASE_LIST = "FEEHOLDS";
    private static final Duration KEEP = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;

    public FeeHoldStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    List<Write> held(FeeHold hold) {
        String ref = hold.reference().value();
        return List.of(RequestItems.putNew(HOLD, table, Map.of("pk", s("REQUEST#" + ref), "sk", s("AWAITING-PAYMENT"),
                        "body", s(Json.write(hold)), "payBy", s(hold.payBy().toString()),
                        "expiresAt", n(hold.payBy().plus(KEEP).getEpochSecond()))),
                RequestItems.putNew("fee release", table, Map.of("pk", s(RELEASE_LIST), "sk", s(hold.payBy() + "#" + ref),
                        "reference", s(ref))));
    }

    public Optional<FeeHold> find(Reference reference) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("REQUEST#" + reference.value(), "AWAITING-PAYMENT")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(hold(item));
    }

    /** The holds whose time to pay has passed, oldest first. */
    List<Reference> due(Instant now, int limit) {
        return dynamo.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk and sk < :now")
                        .expressionAttributeValues(Map.of(":pk", s(RELEASE_LIST), ":now", s(now.toString()))).limit(limit).build())
                .items().stream().map(item -> new Reference(Items.string(item, "reference"))).toList();
    }

    /** The hold gone (paid, or released): each item only if it is still there, so it ends once. */
    List<Write> ended(FeeHold hold) {
        String ref = hold.reference().value();
        return List.of(delete(HOLD, Items.key("REQUEST#" + ref, "AWAITING-PAYMENT")),
                delete("fee release", Items.key(RELEASE_LIST, hold.payBy() + "#" + ref)));
    }

    private Write delete(String name, Map<String, AttributeValue> key) {
        return Write.of(name, TransactWriteItem.builder().delete(Delete.builder()
                .tableName(table).key(key).conditionExpression("attribute_exists(pk)").build()).build());
    }

    private static FeeHold hold(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readValue(Items.string(item, "body"), FeeHold.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored fee hold cannot be read", e);
        }
    }
}

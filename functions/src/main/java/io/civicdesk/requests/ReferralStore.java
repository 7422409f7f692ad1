package io.civicdesk.requests;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * A request's referrals, in its own partition of the requests table (beside the key design in {@link RequestStore}):
 * <pre>
 * pk                     sk                      item
 * REQUEST#{reference}    REFERRAL#{referredAt}   one referral: from and to (ids and names), reason, by, target,
 *                                                dueAt, status (pending, accepted, sent-back), who answered, when, why
 * REFERRALS#{toUnitId}   {referredAt}#{reference}  the receiving unit's list of referrals waiting for its answer:
 *                                                written with the referral, deleted with its answer
 *                                                ({@link ReferralInboxStore} reads it)
 * </pre>
 * {@code REFERRAL#} sorts between {@code HISTORY#} and {@code REQUEST}, so the staff page's one Query reads them and
 * the resident's tracking page ({@code sk >= "REQUEST"}) never does. A referral is written only in the transaction
 * that moves its request's version on, whose condition on that version guards it: a new one must not exist yet,
 * an answer replaces it.
 */
final class ReferralStore {
    static final String REFERRAL = "REFERRAL#";

    private final String table;

    ReferralStore(String table) {
        this.table = table;
    }

    /** A new referral, and its line in the receiving unit's list. */
    List<Write> made(Reference reference, String serviceName, Referral referral) {
        Map<String, AttributeValue> waiting = new HashMap<>(ReferralInboxStore.key(referral.toUnitId(), referral.referredAt(), reference));
        waiting.put("reference", s(reference.value()));
        waiting.put("serviceName", s(serviceName));
        waiting.put("fromUnitName", s(referral.fromUnitName()));
        waiting.put("referredAt", s(referral.referredAt().toString()));
        waiting.put("dueAt", s(referral.dueAt().toString()));
        return List.of(RequestItems.putNew("referral", table, item(reference, referral)),
                RequestItems.putNew("referral-waiting", table, waiting));
    }

    /** The referral answered, off the receiving unit's list. */
    List<Write> answered(Reference reference, Referral referral) {
        return List.of(Write.put("referral", Put.builder().tableName(table).item(item(reference, referral)).build()),
                Write.of("referral-waiting", TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(ReferralInboxStore.key(referral.toUnitId(), referral.referredAt(), reference)).build()).build()));
    }

    private static Map<String, AttributeValue> item(Reference reference, Referral referral) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(RequestItems.partition(reference)));
        item.put("sk", s(REFERRAL + RequestItems.keyTime(referral.referredAt())));
        item.put("referredAt", s(referral.referredAt().toString()));
        item.put("fromUnitId", s(referral.fromUnitId()));
        item.put("fromUnitName", s(referral.fromUnitName()));
        item.put("toUnitId", s(referral.toUnitId()));
        item.put("toUnitName", s(referral.toUnitName()));
        item.put("reason", s(referral.reason()));
        item.put("byId", s(referral.by().id()));
        item.put("byName", s(referral.by().name()));
        item.put("targetMinutes", n(referral.targetMinutes()));
        item.put("dueAt", s(referral.dueAt().toString()));
        item.put("status", s(referral.status().wireName()));
        if (referral.answeredAt() != null) {
            item.put("answeredById", s(referral.answeredBy().id()));
            item.put("answeredByName", s(referral.answeredBy().name()));
            item.put("answeredAt", s(referral.answeredAt().toString()));
        }
        if (referral.returnReason() != null) {
            item.put("returnReason", s(referral.returnReason()));
        }
        return item;
    }

    static Referral referral(Map<String, AttributeValue> item) {
        String answeredAt = Items.string(item, "answeredAt");
        return new Referral(Instant.parse(Items.string(item, "referredAt")), Items.string(item, "fromUnitId"),
                Items.string(item, "fromUnitName"), Items.string(item, "toUnitId"), Items.string(item, "toUnitName"),
                Items.string(item, "reason"), new Actor(Items.string(item, "byId"), Items.string(item, "byName")),
                Items.number(item, "targetMinutes"), Instant.parse(Items.string(item, "dueAt")),
                Referral.Status.fromWireName(Items.string(item, "status")),
                answeredAt == null ? null : new Actor(Items.string(item, "answeredById"), Items.string(item, "answeredByName")),
                answeredAt == null ? null : Instant.parse(answeredAt), Items.string(item, "returnReason"));
    }
}

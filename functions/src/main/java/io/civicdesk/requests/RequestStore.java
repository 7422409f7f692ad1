package io.civicdesk.requests;

import io.civicdesk.platform.Items;
import io.civicdesk.platform.Write;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * The requests table, and the request itself: created, read, and changed under its version. Its queues
 * ({@link QueueStore}), its service-level alerts ({@link AlertStore}) and its search terms ({@link LookupStore})
 * have stores of their own over the same table and the key design below; {@link RequestItems} maps its items.
 *
 * <pre>
 * pk                     sk                            item
 * REQUEST#{reference}    FIND#{term}                   a search term (email#.., phone#.., word#..), written with the request
 * REQUEST#{reference}    FIND#follower#email#{address} a follower's lookup item (privacy's subject search), with the change
 * REQUEST#{reference}    HISTORY#{version:06}#{n}      a history entry, append-only: the change that made that version
 * REQUEST#{reference}    REFERRAL#{instant}            a referral to another unit and its answer ({@link ReferralStore})
 * REQUEST#{reference}    REQUEST                       the request; version counts its changes
 * REQUEST#{reference}    UPDATE#{instant}#{version}    a public update, append-only, in time order
 * IDEMPOTENCY#{sha256}   IDEMPOTENCY                   the first answer to a submission with that key; expiresAt (TTL) a day on
 * </pre>
 *
 * Sort keys are chosen so that one Query reads what each reader needs and nothing else: the resident's tracking
 * page reads {@code sk >= "REQUEST"} (the request and its public updates, never the history or the search
 * terms); the staff page reads {@code sk >= "HISTORY#"} (history, request, updates).
 *
 * <p>Indexes (declared on RequestsTable in template.yaml; only the items that carry their keys are in them):
 * <pre>
 * index          pk            sk                                 items
 * UnitQueue      queueUnit     OPEN#{dueAt}#{ref}                 every request, in its unit's partition: open ones by
 *                              DONE#{finishedAt}#{ref}            when they fall due, finished ones by when they finished
 * AssigneeQueue  assigneeId    (the same queueKey)                assigned requests only (sparse)
 * Lookup         findTerm      {submittedAt}#{ref}                the FIND# items: one per search term, newest last
 * Alerts         alertShard    nextAlertAt                        requests with a service-level alert to come (sparse):
 *                ("ALERTS")                                       the warnings run reads those already due
 * Submitted      submittedShard {submittedAt}#{ref}               every request item, by when it was submitted: the
 *                ("SUBMITTED")                                    Open311 list ({@link SubmittedStore}) is a key range
 * </pre>
 * The queues project what a queue row shows (INCLUDE), so a page is one Query with no reads of the table; due
 * soon and overdue are key ranges of the OPEN# part; status, priority, service and "unassigned" are filters
 * within a unit's partition. {@code dueAt} comes from {@link Due}; {@code queueKey} is rewritten with every
 * change, in the same write.
 *
 * <p>Writes. This store gives named {@link Write}s; the service commits them with the rest of its change. A new
 * request, its first update(s), its history, its search terms, its idempotency record and its confirmation mail
 * (in the outbox table) are one transaction, each item only if it does not exist yet. Every
 * later change is one transaction too: an Update of the request conditional on {@code version = expected}
 * (setting every attribute this store owns and removing the ones that became empty, so attributes written by
 * others survive), the new history entry, any public update and mail; and for a duplicate, the original's
 * update on its own version. A stale version fails the whole transaction: nothing is half-saved.
 */
public final class RequestStore implements Requests {
    private final DynamoDbClient dynamo;
    private final String table;

    public RequestStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Write> created(ServiceRequest request, List<PublicUpdate> updates, List<HistoryEntry> history) {
        Reference reference = request.reference();
        List<Write> writes = new ArrayList<>();
        writes.add(RequestItems.putNew(REFERENCE, table, RequestItems.requestItem(request)));
        updates.forEach(update -> writes.add(RequestItems.putNew("update", table,
                RequestItems.updateItem(reference, update, request.version()))));
        history.forEach(entry -> writes.add(RequestItems.putNew("history", table, RequestItems.historyItem(reference, entry))));
        for (SearchTerms.Term term : SearchTerms.of(request.contact(), request.location())) {
            writes.add(RequestItems.putNew("search-term", table, RequestItems.findItem(request, term)));
        }
        return writes;
    }

    /** One Query; never the history. */
    @Override
    public Optional<RequestWithUpdates> find(Reference reference) {
        List<Map<String, AttributeValue>> items = partition(reference, "REQUEST", false);
        if (items.isEmpty() || !"REQUEST".equals(Items.string(items.get(0), "sk"))) {
            return Optional.empty();
        }
        List<PublicUpdate> updates = items.subList(1, items.size()).stream().map(RequestItems::update).toList();
        return Optional.of(new RequestWithUpdates(RequestItems.request(items.get(0)), updates));
    }

    /** One strongly consistent Query. */
    @Override
    public Optional<RequestRecord> findWithHistory(Reference reference) {
        ServiceRequest request = null;
        List<HistoryEntry> history = new ArrayList<>();
        List<PublicUpdate> updates = new ArrayList<>();
        List<Referral> referrals = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition(reference, "HISTORY#", true)) {
            String sk = Items.string(item, "sk");
            if (sk.equals("REQUEST")) {
                request = RequestItems.request(item);
            } else if (sk.startsWith("HISTORY#")) {
                history.add(RequestItems.history(item));
            } else if (sk.startsWith("UPDATE#")) {
                updates.add(RequestItems.update(item));
            } else if (sk.startsWith(ReferralStore.REFERRAL)) {
                referrals.add(ReferralStore.referral(item));
            }
        }
        return request == null ? Optional.empty() : Optional.of(new RequestRecord(request, history, updates, referrals));
    }

    /** One strongly consistent GetItem. */
    @Override
    public Optional<ServiceRequest> get(Reference reference) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(RequestItems.requestKey(reference)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RequestItems.request(item));
    }

    /** Request items by reference, in one BatchGetItem per 100 (unprocessed keys retried); missing ones left out. */
    public List<ServiceRequest> getAll(List<Reference> references) {
        Map<String, ServiceRequest> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = references.stream().distinct().map(RequestItems::requestKey).toList();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            for (int attempt = 0; !pending.isEmpty() && attempt < 5; attempt++) {
                Map<String, KeysAndAttributes> batch = pending;
                var response = dynamo.batchGetItem(get -> get.requestItems(batch));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(Items.string(item, "reference"), RequestItems.request(item)));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return references.stream().map(reference -> found.get(reference.value())).filter(Objects::nonNull).toList();
    }

    private List<Map<String, AttributeValue>> partition(Reference reference, String fromSortKey, boolean consistent) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND sk >= :from")
                .expressionAttributeValues(Map.of(":pk", s(RequestItems.partition(reference)), ":from", s(fromSortKey)))
                .consistentRead(consistent).build()).items().stream().toList();
    }

    /**
     * An Update of the request conditional on its version, setting every attribute this store owns and removing
     * the ones that became empty (so attributes written by others survive), with its history and public updates.
     */
    @Override
    public List<Write> changed(RequestChange change) {
        Reference reference = change.after().reference();
        List<Write> writes = new ArrayList<>();
        writes.add(Write.update(Requests.version(reference), versionedUpdate(change.after(), change.expectedVersion())));
        change.history().forEach(entry -> writes.add(RequestItems.putNew("history", table,
                RequestItems.historyItem(reference, entry))));
        change.updates().forEach(update -> writes.add(RequestItems.putNew("update", table,
                RequestItems.updateItem(reference, update, change.after().version()))));
        if (change.followersBefore() != null) {
            writes.addAll(followerLookups(change.followersBefore(), change.after()));
        }
        return writes;
    }

    /**
     * A follower's lookup item ({@code FIND#follower#email#…}, index Lookup) for each email that starts following,
     * a Delete of it for each that stops, so privacy finds the requests a resident follows without a Scan.
     */
    private List<Write> followerLookups(List<Follower> before, ServiceRequest after) {
        Set<String> was = followerTerms(before);
        Set<String> is = followerTerms(after.handling().followers());
        List<Write> writes = new ArrayList<>();
        String pk = RequestItems.partition(after.reference());
        String findAt = after.submittedAt() + "#" + after.reference().value();
        is.stream().filter(term -> !was.contains(term)).forEach(term -> writes.add(Write.put("follower-term",
                followerTerm(table, pk, findAt, term))));
        was.stream().filter(term -> !is.contains(term)).forEach(term -> writes.add(Write.of("follower-term",
                TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(Items.key(RequestItems.partition(after.reference()), "FIND#" + term)).build()).build())));
        return writes;
    }

    /** A follower's lookup item, from its term ({@link SearchTerms#follower}); also privacy's backfill of older followers. */
    public static Put followerTerm(String table, String pk, String findAt, String term) {
        return Put.builder().tableName(table).item(RequestItems.findItem(pk, findAt, new SearchTerms.Term(term, Set.of("follower")))).build();
    }

    private static Set<String> followerTerms(List<Follower> followers) {
        Set<String> terms = new LinkedHashSet<>();
        followers.stream().filter(follower -> follower.email() != null)
                .forEach(follower -> terms.add(SearchTerms.follower(follower.email())));
        followers.stream().filter(follower -> follower.phone() != null && SearchTerms.followerPhone(follower.phone()) != null)
                .forEach(follower -> terms.add(SearchTerms.followerPhone(follower.phone())));
        return terms;
    }

    private Update versionedUpdate(ServiceRequest after, long expectedVersion) {
        Map<String, AttributeValue> item = RequestItems.requestItem(after);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        int i = 0;
        for (String attribute : RequestItems.OWNED.stream().sorted().toList()) {
            String name = "#a" + i;
            names.put(name, attribute);
            AttributeValue value = item.get(attribute);
            if (value != null) {
                values.put(":a" + i, value);
                set.add(name + " = :a" + i);
            } else {
                remove.add(name);
            }
            i++;
        }
        names.put("#version", "version");
        values.put(":expected", n(expectedVersion));
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        return Update.builder().tableName(table).key(RequestItems.requestKey(after.reference()))
                .updateExpression(expression)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }
}

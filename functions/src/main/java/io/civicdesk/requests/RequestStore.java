package io.civicdesk.requests;

import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Write;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Items;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.sla.ServiceClock;
import io.civicdesk.sla.ServiceLevel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Requests: the request itself, its public updates, its staff history, the terms staff find it by, and the first
 * answers to idempotent submissions.
 *
 * <pre>
 * pk                     sk                            item
 * REQUEST#{reference}    FIND#{term}                   a search term (email#.., phone#.., word#..), written with the request
 * REQUEST#{reference}    HISTORY#{version:06}#{n}      a history entry, append-only: the change that made that version
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
 * </pre>
 * The queues project what a queue row shows (INCLUDE), so a page is one Query with no reads of the table; due
 * soon and overdue are key ranges of the OPEN# part; status, priority, service and "unassigned" are filters
 * within a unit's partition. {@code dueAt} comes from {@link Due}; {@code queueKey} is rewritten with every
 * change, in the same write.
 *
 * <p>Writes. A new request, its first update(s), its history, its search terms, its idempotency record and its
 * confirmation mail (in the outbox table) are one transaction, each item only if it does not exist yet. Every
 * later change is one transaction too: an Update of the request conditional on {@code version = expected}
 * (setting every attribute this store owns and removing the ones that became empty, so attributes written by
 * others survive), the new history entry, any public update and mail; and for a duplicate, the original's
 * update on its own version. A stale version fails the whole transaction: nothing is half-saved.
 */
public final class RequestStore {
    public static final String UNIT_QUEUE = "UnitQueue";
    public static final String ASSIGNEE_QUEUE = "AssigneeQueue";
    public static final String LOOKUP = "Lookup";
    public static final String ALERTS_INDEX = "Alerts";
    /** The one partition of the Alerts index: only requests with an alert to come are in it. */
    static final String ALERTS = "ALERTS";
    public static final String OPEN = "OPEN#";
    public static final String DONE = "DONE#";
    /** Sorts after every character a queue key holds, to close a key range. */
    public static final String END = "~";
    /** Fixed-width milliseconds, so an index's string order is time order (ISO_INSTANT drops trailing zeros). */
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The request item's attributes this store writes; a change sets those present and removes the rest. */
    private static final Set<String> OWNED = Set.of("reference", "serviceId", "serviceName", "unitId", "status",
            "submittedAt", "timeZone", "answers", "location", "description", "contact",
            "preferredChannel", "channel", "secretHash", "version", "priority", "assigneeId", "assigneeName",
            "acknowledgedAt", "finishedAt", "paused", "resolvedAt", "closedAt", "resolution", "duplicateOf",
            "followers", "resolvedAtFirstContact", "loggedById", "loggedByName", "queueUnit", "queueKey", "dueKind",
            "dueDate", "dueAt", "serviceLevel", "alertShard", "nextAlertAt", "slaFlag");

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
     * Writes a new request with its first update(s) and history, its search terms, and, when given, its
     * idempotent answer and a mail, and the writes of other capabilities that count it (its figures).
     *
     * @throws NotCreated when the reference or the idempotency key is already taken, or a concurrent
     *                    transaction on the same items won — nothing at all was written
     */
    public void create(ServiceRequest request, List<PublicUpdate> updates, List<HistoryEntry> history,
                       Idempotency.Key key, Idempotency.Answer answer, Mail mail, Instant now,
                       List<Write> extras) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putNew(requestItem(request)));
        int idempotencyIndex = -1;
        if (key != null) {
            idempotencyIndex = writes.size();
            writes.add(TransactWriteItem.builder().put(Idempotency.put(table, key, answer, now)).build());
        }
        for (PublicUpdate update : updates) {
            writes.add(putNew(updateItem(request.reference(), update, request.version())));
        }
        history.forEach(entry -> writes.add(putNew(historyItem(request.reference(), entry))));
        for (SearchTerms.Term term : SearchTerms.of(request.contact(), request.location())) {
            writes.add(putNew(findItem(request, term)));
        }
        if (mail != null) {
            writes.add(TransactWriteItem.builder().put(outbox.pendingMail(mail, now)).build());
        }
        extras.forEach(extra -> writes.add(extra.item()));
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failedCondition(reasons, 0)) {
                throw new NotCreated(Clash.REFERENCE_TAKEN);
            }
            if (idempotencyIndex >= 0 && failedCondition(reasons, idempotencyIndex)) {
                throw new NotCreated(Clash.IDEMPOTENCY_KEY_USED);
            }
            if (reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                throw new NotCreated(Clash.BUSY);
            }
            throw e;
        }
    }

    /** The first answer given with this key, or empty; 422 when the key came first with another body. */
    public Optional<Idempotency.Answer> replay(Idempotency.Key key) {
        return Idempotency.replay(dynamo, table, key);
    }

    public record RequestWithUpdates(ServiceRequest request, List<PublicUpdate> updates) {
    }

    /** The request and its public updates: what its tracking page may show. One Query; never the history. */
    public Optional<RequestWithUpdates> find(Reference reference) {
        List<Map<String, AttributeValue>> items = partition(reference, "REQUEST", false);
        if (items.isEmpty() || !"REQUEST".equals(Items.string(items.get(0), "sk"))) {
            return Optional.empty();
        }
        List<PublicUpdate> updates = items.subList(1, items.size()).stream().map(RequestStore::update).toList();
        return Optional.of(new RequestWithUpdates(request(items.get(0)), updates));
    }

    /** A request with everything staff see of it. */
    public record RequestRecord(ServiceRequest request, List<HistoryEntry> history, List<PublicUpdate> updates) {
    }

    /** The request, its history and its public updates: one strongly consistent Query. */
    public Optional<RequestRecord> findWithHistory(Reference reference) {
        ServiceRequest request = null;
        List<HistoryEntry> history = new ArrayList<>();
        List<PublicUpdate> updates = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition(reference, "HISTORY#", true)) {
            String sk = Items.string(item, "sk");
            if (sk.equals("REQUEST")) {
                request = request(item);
            } else if (sk.startsWith("HISTORY#")) {
                history.add(history(item));
            } else if (sk.startsWith("UPDATE#")) {
                updates.add(update(item));
            }
        }
        return request == null ? Optional.empty() : Optional.of(new RequestRecord(request, history, updates));
    }

    /** The request item alone, strongly consistent. */
    public Optional<ServiceRequest> get(Reference reference) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
                .key(Items.key(partition(reference), "REQUEST")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(request(item));
    }

    /** Request items by reference, in one BatchGetItem per 100 (unprocessed keys retried); missing ones left out. */
    public List<ServiceRequest> getAll(List<Reference> references) {
        Map<String, ServiceRequest> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = references.stream().distinct()
                .map(reference -> Items.key(partition(reference), "REQUEST")).toList();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            for (int attempt = 0; !pending.isEmpty() && attempt < 5; attempt++) {
                Map<String, KeysAndAttributes> batch = pending;
                var response = dynamo.batchGetItem(get -> get.requestItems(batch));
                response.responses().getOrDefault(table, List.of())
                        .forEach(item -> found.put(Items.string(item, "reference"), request(item)));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return references.stream().map(reference -> found.get(reference.value())).filter(java.util.Objects::nonNull).toList();
    }

    private List<Map<String, AttributeValue>> partition(Reference reference, String fromSortKey, boolean consistent) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND sk >= :from")
                .expressionAttributeValues(Map.of(":pk", s(partition(reference)), ":from", s(fromSortKey)))
                .consistentRead(consistent).build()).items().stream().toList();
    }

    // ---------------------------------------------------------------- changes

    /**
     * One request's part of a change: the request as it will be (its version one more than {@code expectedVersion}),
     * and the history entries and public updates the change adds.
     */
    public record RequestWrite(ServiceRequest after, long expectedVersion, List<HistoryEntry> history,
                               List<PublicUpdate> updates) {
        public RequestWrite {
            history = List.copyOf(history);
            updates = List.copyOf(updates);
        }
    }

    /** A request was not at the version a change expected (someone saved first): nothing was written. */
    public static final class Stale extends RuntimeException {
        private final Reference reference;

        Stale(Reference reference) {
            super(reference.value(), null, false, false);
            this.reference = reference;
        }

        public Reference reference() {
            return reference;
        }
    }

    /** Another transaction on the same items was in flight: nothing was written; read again and retry. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("busy", null, false, false);
        }
    }

    /**
     * Saves a change to one or more requests, with its mail, as one transaction.
     *
     * @throws Stale when a request was not at its expected version — nothing was written
     * @throws Busy  when a concurrent transaction on the same items got in the way — nothing was written
     */
    public void save(List<RequestWrite> writes, List<Mail> mails, Instant now) {
        save(writes, mails, now, List.of());
    }

    /**
     * The same, with writes of other capabilities added to the transaction (a resolved request's survey). When
     * one of those fails its condition, nothing was written and it is reported as {@link Busy}: a retry reads again.
     */
    public void save(List<RequestWrite> writes, List<Mail> mails, Instant now, List<Write> extras) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<Reference> versioned = new ArrayList<>();
        for (RequestWrite write : writes) {
            versioned.add(write.after().reference());
            items.add(TransactWriteItem.builder().update(versionedUpdate(write.after(), write.expectedVersion())).build());
        }
        for (RequestWrite write : writes) {
            write.history().forEach(entry -> items.add(putNew(historyItem(write.after().reference(), entry))));
            write.updates().forEach(update -> items.add(putNew(updateItem(write.after().reference(), update, write.after().version()))));
        }
        mails.forEach(mail -> items.add(TransactWriteItem.builder().put(outbox.pendingMail(mail, now)).build()));
        int firstExtra = items.size();
        extras.forEach(extra -> items.add(extra.item()));
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(items));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; i < versioned.size(); i++) {
                if (failedCondition(reasons, i)) {
                    throw new Stale(versioned.get(i));
                }
            }
            if (reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                throw new Busy();
            }
            for (int i = firstExtra; i < items.size(); i++) {
                if (failedCondition(reasons, i)) {
                    throw new Busy();
                }
            }
            throw e;
        }
    }

    private Update versionedUpdate(ServiceRequest after, long expectedVersion) {
        Map<String, AttributeValue> item = requestItem(after);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        int i = 0;
        for (String attribute : OWNED.stream().sorted().toList()) {
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
        return Update.builder().tableName(table).key(Items.key(partition(after.reference()), "REQUEST"))
                .updateExpression(expression)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    // ---------------------------------------------------------------- service-level alerts

    /** The requests with an alert due by {@code now}: one Query of the sparse Alerts index, oldest first. */
    public List<Reference> alertsDue(Instant now) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(ALERTS_INDEX)
                        .keyConditionExpression("alertShard = :shard AND nextAlertAt <= :now")
                        .expressionAttributeValues(Map.of(":shard", s(ALERTS), ":now", s(alertTime(now)))).build())
                .items().stream().map(item -> new Reference(Items.string(item, "pk").substring("REQUEST#".length()))).toList();
    }

    /**
     * Records the alerts sent for a request with their mail and history entry, in one transaction, only if the
     * request is still at the version they were worked out from: a staff change in between wins, and the next run
     * works the alerts out again. The version does not move, so an officer with the page open is not made to
     * reload; {@code warned} is added to as a set, never rewritten by a staff change. With nothing sent, only
     * when the next alert falls due is put right.
     *
     * @return false when the request changed meanwhile and nothing was written
     */
    public boolean recordAlerts(ServiceRequest request, ServiceLevel after, List<String> sent, HistoryEntry entry,
                                List<Mail> mails, Instant now) {
        Map<String, String> names = new LinkedHashMap<>(Map.of("#version", "version",
                "#next", "nextAlertAt", "#shard", "alertShard", "#flag", "slaFlag"));
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":expected", n(request.version()));
        if (!sent.isEmpty()) {
            names.put("#warned", "warned");
            values.put(":sent", AttributeValue.fromSs(sent));
        }
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        if (after.nextAlertAt() == null) {
            remove.addAll(List.of("#next", "#shard"));
        } else {
            set.addAll(List.of("#next = :next", "#shard = :shard"));
            values.put(":next", s(alertTime(after.nextAlertAt())));
            values.put(":shard", s(ALERTS));
        }
        if (after.flag() == null) {
            remove.add("#flag");
        } else {
            set.add("#flag = :flag");
            values.put(":flag", s(after.flag()));
        }
        List<String> clauses = new ArrayList<>();
        if (!sent.isEmpty()) {
            clauses.add("ADD #warned :sent");
        }
        if (!set.isEmpty()) {
            clauses.add("SET " + String.join(", ", set));
        }
        if (!remove.isEmpty()) {
            clauses.add("REMOVE " + String.join(", ", remove));
        }
        String expression = String.join(" ", clauses);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Items.key(partition(request.reference()), "REQUEST")).updateExpression(expression)
                .conditionExpression("#version = :expected")
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        if (entry != null) {
            items.add(putNew(historyItem(request.reference(), entry)));
        }
        mails.forEach(mail -> items.add(TransactWriteItem.builder().put(outbox.pendingMail(mail, now)).build()));
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    private static String alertTime(Instant at) {
        return KEY_TIME.format(at);
    }

    // ---------------------------------------------------------------- queues

    /**
     * A read of one queue: a partition of {@link #UNIT_QUEUE} or {@link #ASSIGNEE_QUEUE}, a range of its queue
     * keys, in order, with filters applied as the items are read.
     *
     * @param equalTo   attribute → value each item must have (status, priority, serviceId, queueUnit, assigneeId)
     * @param startKey  where the previous page stopped (from {@link QueuePage#lastKey}), or null
     */
    public record QueueRead(String index, String partitionValue, String fromKey, String toKey, boolean ascending,
                            Map<String, String> equalTo, boolean unassignedOnly, boolean runningClockOnly,
                            int limit, Map<String, String> startKey) {
    }

    /** One row of a queue, as the index projects it. */
    public record QueueEntry(String reference, String serviceId, String serviceName, String unitId, String status,
                             Priority priority, Actor assignee, Instant submittedAt, String dueKind, LocalDate dueDate,
                             Instant dueAt, boolean paused, Instant finishedAt, String address, String channel,
                             String warning, String queueKey) {
    }

    /**
     * @param lastKey the key of the last entry, when more may follow; null on the last page
     * @param calls   the Query calls it took
     */
    public record QueuePage(List<QueueEntry> entries, Map<String, String> lastKey, int calls) {
    }

    /** Reads one page. With filters, keeps reading (at most 10 calls) until the page is full or the range ends. */
    public QueuePage queue(QueueRead read) {
        String partitionAttribute = read.index().equals(ASSIGNEE_QUEUE) ? "assigneeId" : "queueUnit";
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.put("#p", partitionAttribute);
        names.put("#k", "queueKey");
        values.put(":p", s(read.partitionValue()));
        values.put(":from", s(read.fromKey()));
        values.put(":to", s(read.toKey()));
        List<String> filters = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> equal : read.equalTo().entrySet()) {
            names.put("#f" + i, equal.getKey());
            values.put(":f" + i, s(equal.getValue()));
            filters.add("#f" + i + " = :f" + i);
            i++;
        }
        if (read.unassignedOnly()) {
            names.put("#assignee", "assigneeId");
            filters.add("attribute_not_exists(#assignee)");
        }
        if (read.runningClockOnly()) {
            names.put("#paused", "paused");
            filters.add("attribute_not_exists(#paused)");
        }
        boolean filtered = !filters.isEmpty();
        List<QueueEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> startKey = read.startKey() == null ? null : keyAttributes(read.startKey());
        boolean more = true;
        int calls = 0;
        while (entries.size() < read.limit() && more && calls < 10) {
            int wanted = read.limit() - entries.size();
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(read.index())
                    .keyConditionExpression("#p = :p AND #k BETWEEN :from AND :to")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(read.ascending())
                    .limit(filtered ? Math.max(wanted * 2, 50) : wanted + 1)
                    .exclusiveStartKey(startKey);
            if (filtered) {
                query.filterExpression(String.join(" AND ", filters));
            }
            QueryResponse page = dynamo.query(query.build());
            calls++;
            for (Map<String, AttributeValue> item : page.items()) {
                entries.add(queueEntry(item));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            more = startKey != null;
        }
        boolean trimmed = entries.size() > read.limit();
        if (trimmed) {
            entries = new ArrayList<>(entries.subList(0, read.limit()));
        }
        Map<String, String> lastKey = null;
        if ((trimmed || more) && !entries.isEmpty()) {
            lastKey = entryKey(entries.get(entries.size() - 1), partitionAttribute, read.partitionValue());
        } else if (more) {
            lastKey = stringKey(startKey);
        }
        return new QueuePage(entries, lastKey, calls);
    }

    /** Every open request of a unit (its queue's OPEN# part), for the queue's counts. */
    public List<QueueEntry> openInUnit(String unitId) {
        return dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(UNIT_QUEUE)
                        .keyConditionExpression("queueUnit = :unit AND begins_with(queueKey, :open)")
                        .expressionAttributeValues(Map.of(":unit", s(unitId), ":open", s(OPEN))).build())
                .items().stream().map(RequestStore::queueEntry).toList();
    }

    public static String openKey(Instant dueAt) {
        return OPEN + KEY_TIME.format(dueAt);
    }

    private static String queueKey(ServiceRequest request, Due due) {
        String prefix = due == null ? DONE + KEY_TIME.format(request.handling().finishedAt())
                : openKey(due.at());
        return prefix + "#" + request.reference().value();
    }

    private static Map<String, String> entryKey(QueueEntry entry, String partitionAttribute, String partitionValue) {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("pk", "REQUEST#" + entry.reference());
        key.put("sk", "REQUEST");
        key.put(partitionAttribute, partitionValue);
        key.put("queueKey", entry.queueKey());
        return key;
    }

    private static Map<String, String> stringKey(Map<String, AttributeValue> key) {
        Map<String, String> result = new LinkedHashMap<>();
        key.forEach((name, value) -> result.put(name, value.s()));
        return result;
    }

    private static Map<String, AttributeValue> keyAttributes(Map<String, String> key) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        key.forEach((name, value) -> result.put(name, s(value)));
        return result;
    }

    private static QueueEntry queueEntry(Map<String, AttributeValue> item) {
        String assigneeId = Items.string(item, "assigneeId");
        String dueDate = Items.string(item, "dueDate");
        String dueAt = Items.string(item, "dueAt");
        String finishedAt = Items.string(item, "finishedAt");
        return new QueueEntry(Items.string(item, "reference"), Items.string(item, "serviceId"),
                Items.string(item, "serviceName"), Items.string(item, "unitId"), Items.string(item, "status"),
                Priority.fromWireName(Items.string(item, "priority")).orElse(Priority.NORMAL),
                assigneeId == null ? null : new Actor(assigneeId, Items.string(item, "assigneeName")),
                Instant.parse(Items.string(item, "submittedAt")), Items.string(item, "dueKind"),
                dueDate == null ? null : LocalDate.parse(dueDate), dueAt == null ? null : Instant.parse(dueAt),
                Items.flag(item, "paused"), finishedAt == null ? null : Instant.parse(finishedAt),
                Items.string(Items.map(item, "location"), "address"), Items.string(item, "channel"),
                Items.string(item, "slaFlag"), Items.string(item, "queueKey"));
    }

    // ---------------------------------------------------------------- search

    /** A request found by a term: its reference, when it was submitted, and which of its fields held the term. */
    public record LookupHit(Reference reference, String submittedAt, Set<String> fields) {
    }

    /** The newest requests with a search term, at most {@code limit}; one Query of the Lookup index. */
    public List<LookupHit> lookup(String term, int limit) {
        return dynamo.query(QueryRequest.builder().tableName(table).indexName(LOOKUP)
                        .keyConditionExpression("findTerm = :term")
                        .expressionAttributeValues(Map.of(":term", s(term)))
                        .scanIndexForward(false).limit(limit).build())
                .items().stream().map(item -> new LookupHit(
                        new Reference(Items.string(item, "pk").substring("REQUEST#".length())),
                        Items.string(item, "findAt"), new LinkedHashSet<>(Items.stringList(item, "findFields"))))
                .toList();
    }

    // ---------------------------------------------------------------- items

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static String partition(Reference reference) {
        return "REQUEST#" + reference.value();
    }

    private static Map<String, AttributeValue> requestItem(ServiceRequest request) {
        Handling handling = request.handling();
        Due due = Due.of(request);
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
        item.put("priority", s(handling.priority().wireName()));
        item.put("assigneeId", handling.assignee() == null ? null : s(handling.assignee().id()));
        item.put("assigneeName", handling.assignee() == null ? null : s(handling.assignee().name()));
        item.put("acknowledgedAt", instant(handling.acknowledgedAt()));
        item.put("finishedAt", instant(handling.finishedAt()));
        item.put("paused", handling.paused() ? Items.bool(true) : null);
        item.put("resolvedAt", instant(handling.resolvedAt()));
        item.put("closedAt", instant(handling.closedAt()));
        item.put("resolution", s(handling.resolution()));
        item.put("duplicateOf", handling.duplicateOf() == null ? null : s(handling.duplicateOf().value()));
        item.put("followers", handling.followers().isEmpty() ? null : AttributeValue.fromL(handling.followers().stream()
                .map(follower -> AttributeValue.fromM(Items.compact(followerItem(follower)))).toList()));
        item.put("resolvedAtFirstContact", handling.resolvedAtFirstContact() ? Items.bool(true) : null);
        item.put("loggedById", handling.loggedBy() == null ? null : s(handling.loggedBy().id()));
        item.put("loggedByName", handling.loggedBy() == null ? null : s(handling.loggedBy().name()));
        item.put("queueUnit", s(request.unitId()));
        item.put("queueKey", s(queueKey(request, due)));
        item.put("dueKind", due == null ? null : s(due.kind()));
        item.put("dueDate", due == null ? null : s(due.date().toString()));
        item.put("dueAt", due == null ? null : s(due.at().toString()));
        ServiceLevel level = request.serviceLevel();
        item.put("serviceLevel", AttributeValue.fromM(serviceLevelItem(level)));
        item.put("alertShard", level.nextAlertAt() == null ? null : s(ALERTS));
        item.put("nextAlertAt", level.nextAlertAt() == null ? null : s(alertTime(level.nextAlertAt())));
        item.put("slaFlag", s(level.flag()));
        return Items.compact(item);
    }

    private static Map<String, AttributeValue> serviceLevelItem(ServiceLevel level) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("policy", AttributeValue.fromM(CatalogStore.policyItem(level.policy())));
        item.put("calendarId", s(level.calendarId()));
        item.put("clock", AttributeValue.fromL(level.clock().runs().stream().map(RequestStore::runItem).toList()));
        item.put("respondedAt", instant(level.respondedAt()));
        item.put("responseMinutes", level.responseMinutes() == null ? null : n(level.responseMinutes()));
        item.put("responseMet", level.responseMet() == null ? null : Items.bool(level.responseMet()));
        item.put("resolutionMinutes", level.resolutionMinutes() == null ? null : n(level.resolutionMinutes()));
        item.put("resolutionMet", level.resolutionMet() == null ? null : Items.bool(level.resolutionMet()));
        item.put("lastNewsAt", instant(level.lastNewsAt()));
        item.put("responseDueAt", instant(level.responseDueAt()));
        item.put("resolutionDueAt", instant(level.resolutionDueAt()));
        return Items.compact(item);
    }

    private static AttributeValue runItem(ServiceClock.Run run) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("from", instant(run.from()));
        item.put("to", instant(run.to()));
        return AttributeValue.fromM(Items.compact(item));
    }

    /** {@code warned} is the warnings' own attribute (a string set they ADD to), never part of a staff change. */
    private static ServiceLevel serviceLevel(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> level = Items.map(item, "serviceLevel");
        Double responseMinutes = Items.decimal(level, "responseMinutes");
        Double resolutionMinutes = Items.decimal(level, "resolutionMinutes");
        AttributeValue warned = item.get("warned");
        return new ServiceLevel(CatalogStore.policy(Items.map(level, "policy")), Items.string(level, "calendarId"),
                new ServiceClock(Items.mapList(level, "clock").stream()
                        .map(run -> new ServiceClock.Run(instant(run, "from"), instant(run, "to"))).toList()),
                instant(level, "respondedAt"), taken(responseMinutes), taken(resolutionMinutes), instant(level, "lastNewsAt"),
                warned == null || !warned.hasSs() ? Set.of() : Set.copyOf(warned.ss()),
                instant(level, "responseDueAt"), instant(level, "resolutionDueAt"), instant(item, "nextAlertAt"));
    }

    private static Duration taken(Double minutes) {
        return minutes == null ? null : Duration.ofSeconds(Math.round(minutes * 60));
    }

    private static AttributeValue instant(Instant instant) {
        return instant == null ? null : s(instant.toString());
    }

    private static Map<String, AttributeValue> followerItem(Follower follower) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("reference", s(follower.reference().value()));
        item.put("email", s(follower.email()));
        item.put("preferredChannel", s(follower.preferredChannel().wireName()));
        return item;
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

    private static Map<String, AttributeValue> updateItem(Reference reference, PublicUpdate update, long version) {
        return Items.compact(Map.of(
                "pk", s(partition(reference)),
                "sk", s("UPDATE#" + update.at() + "#" + version),
                "at", s(update.at().toString()),
                "status", s(update.status()),
                "message", s(update.message())));
    }

    private static Map<String, AttributeValue> historyItem(Reference reference, HistoryEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(reference)));
        item.put("sk", s(String.format("HISTORY#%06d#%d", entry.version(), entry.sequence())));
        item.put("version", n(entry.version()));
        item.put("sequence", n(entry.sequence()));
        item.put("at", s(entry.at().toString()));
        item.put("byId", entry.by() == null ? null : s(entry.by().id()));
        item.put("byName", entry.by() == null ? null : s(entry.by().name()));
        item.put("action", s(entry.action()));
        item.put("before", changes(entry.before()));
        item.put("after", changes(entry.after()));
        item.put("publicMessage", s(entry.publicMessage()));
        item.put("note", s(entry.note()));
        item.put("visibility", s(entry.visibility().wireName()));
        item.put("delivery", s(entry.delivery()));
        return Items.compact(item);
    }

    private static AttributeValue changes(Map<String, String> values) {
        if (values == null) {
            return null;
        }
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        values.forEach((name, value) -> map.put(name, value == null ? AttributeValue.fromNul(true) : s(value)));
        return AttributeValue.fromM(map);
    }

    private static Map<String, AttributeValue> findItem(ServiceRequest request, SearchTerms.Term term) {
        return Map.of(
                "pk", s(partition(request.reference())),
                "sk", s("FIND#" + term.term()),
                "findTerm", s(term.term()),
                "findAt", s(request.submittedAt() + "#" + request.reference().value()),
                "findFields", Items.strings(term.fields().stream().sorted().toList()));
    }

    private static ServiceRequest request(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> location = Items.map(item, "location");
        Map<String, AttributeValue> contact = Items.map(item, "contact");
        String assigneeId = Items.string(item, "assigneeId");
        String loggedById = Items.string(item, "loggedById");
        String duplicateOf = Items.string(item, "duplicateOf");
        Handling handling = new Handling(
                Priority.fromWireName(Items.string(item, "priority")).orElse(Priority.NORMAL),
                assigneeId == null ? null : new Actor(assigneeId, Items.string(item, "assigneeName")),
                instant(item, "acknowledgedAt"), instant(item, "finishedAt"), Items.flag(item, "paused"),
                instant(item, "resolvedAt"), instant(item, "closedAt"), Items.string(item, "resolution"),
                duplicateOf == null ? null : new Reference(duplicateOf),
                Items.mapList(item, "followers").stream().map(follower -> new Follower(
                        new Reference(Items.string(follower, "reference")), Items.string(follower, "email"),
                        PreferredChannel.fromWireName(Items.string(follower, "preferredChannel")).orElse(PreferredChannel.NONE)))
                        .toList(),
                Items.flag(item, "resolvedAtFirstContact"),
                loggedById == null ? null : new Actor(loggedById, Items.string(item, "loggedByName")));
        return new ServiceRequest(new Reference(Items.string(item, "reference")), Items.string(item, "serviceId"),
                Items.string(item, "serviceName"), Items.string(item, "unitId"), Items.string(item, "status"),
                Instant.parse(Items.string(item, "submittedAt")), Items.string(item, "timeZone"),
                Items.mapList(item, "answers").stream().map(answer -> new Answer(Items.string(answer, "questionId"),
                        Items.string(answer, "question"), Items.stringList(answer, "values"))).toList(),
                new Location(Items.string(location, "address"), Items.decimal(location, "latitude"),
                        Items.decimal(location, "longitude")),
                Items.string(item, "description"),
                new Contact(Items.string(contact, "name"), Items.string(contact, "email"), Items.string(contact, "phone")),
                PreferredChannel.fromWireName(Items.string(item, "preferredChannel")).orElse(PreferredChannel.NONE),
                Items.string(item, "channel"), Items.string(item, "secretHash"), Items.number(item, "version"),
                handling, serviceLevel(item));
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = Items.string(item, name);
        return value == null ? null : Instant.parse(value);
    }

    private static PublicUpdate update(Map<String, AttributeValue> item) {
        return new PublicUpdate(Instant.parse(Items.string(item, "at")), Items.string(item, "status"),
                Items.string(item, "message"));
    }

    private static HistoryEntry history(Map<String, AttributeValue> item) {
        String byId = Items.string(item, "byId");
        return new HistoryEntry(Items.number(item, "version"), Items.integer(item, "sequence"),
                Instant.parse(Items.string(item, "at")), byId == null ? null : new Actor(byId, Items.string(item, "byName")),
                Items.string(item, "action"), changes(item, "before"), changes(item, "after"),
                Items.string(item, "publicMessage"), Items.string(item, "note"),
                "internal".equals(Items.string(item, "visibility")) ? HistoryEntry.Visibility.INTERNAL : HistoryEntry.Visibility.PUBLIC,
                Items.string(item, "delivery"));
    }

    private static Map<String, String> changes(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        value.m().forEach((key, v) -> result.put(key, Boolean.TRUE.equals(v.nul()) ? null : v.s()));
        return result;
    }
}

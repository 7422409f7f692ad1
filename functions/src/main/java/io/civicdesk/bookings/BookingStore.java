package io.civicdesk.bookings;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.civicdesk.notify.Mail;
import io.civicdesk.platform.Write;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.Reference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.civicdesk.platform.Items.n;
import static io.civicdesk.platform.Items.s;

/**
 * Bookings and the slot locks they hold.
 *
 * <p>BookingsTable:
 * <pre>
 * pk                     sk            item
 * BOOKING#{reference}    BOOKING       facilityId, kind, status, version, body (the booking as JSON);
 *                                      queue + dueAt (epoch ms) only while a scheduled job waits on it
 * IDEMPOTENCY#{sha256}   IDEMPOTENCY   the first answer to a POST with that key (platform.Idempotency); TTL a day on
 * FEED#{sha256(token)}   FEED          facilityId: a secret calendar-feed link, stored hashed
 * </pre>
 * Index {@code BookingWork} (queue, dueAt) is sparse: "hold" (waiting for a supervisor, due at its expiry),
 * "claim" (a long series part-way through claiming, due when it must be rolled back), "release" (locks still
 * to free after a long series ended), "reminder" (due when its reminder mail goes), "survey" (due when its last
 * occurrence ends: the resident is then invited to the survey). The scheduled sweeps and the supervisors'
 * approvals list read only that.
 *
 * <p>SlotLocksTable:
 * <pre>
 * pk                     sk                       item
 * FACILITY#{facilityId}  {granule start, UTC}     bookingRef, kind (booked|buffer|block), expiresAt (TTL, a month after)
 * </pre>
 * One item per 15-minute granule ({@link SlotGrid}) of a booking's time and buffers. A booking is written with
 * all its locks in one TransactWriteItems, each lock only if it does not exist: of two bookings that share a
 * granule, at most one write succeeds, whatever the timing. Availability for a week is one Query on the
 * facility's partition between two granules. Releasing deletes exactly the booking's own locks (conditional on
 * bookingRef). A transaction holds at most 100 items: a series that needs more claims its locks in chunks
 * with the booking recorded as "claiming" first, so a failure part-way rolls back what it claimed, and a crash
 * part-way is rolled back by the sweep.
 */
public final class BookingStore {
    static final int MAX_TRANSACTION = 100;
    static final Duration CLAIM_DEADLINE = Duration.ofMinutes(2);
    static final Duration KEEP_LOCKS = Duration.ofDays(31);

    private final DynamoDbClient dynamo;
    private final String table;
    private final String locksTable;
    private final OutboxStore outbox;

    public BookingStore(DynamoDbClient dynamo, String table, String locksTable, OutboxStore outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.locksTable = locksTable;
        this.outbox = outbox;
    }

    public String table() {
        return table;
    }

    /** A lock to take: its granule key and what it is for. */
    public record Lock(String key, String kind) {
    }

    /** A held lock as read back. */
    public record HeldLock(String key, String bookingRef, String kind) {
    }

    public enum Clash { SLOTS_TAKEN, REFERENCE_TAKEN, IDEMPOTENCY_KEY_USED, BUSY, CHANGED }

    /** Nothing was written (or all of it was rolled back). {@code takenKeys}: the locks that already existed. */
    public static final class NotWritten extends RuntimeException {
        private final Clash clash;
        private final List<String> takenKeys;

        NotWritten(Clash clash, List<String> takenKeys) {
            super(clash.name(), null, false, false);
            this.clash = clash;
            this.takenKeys = List.copyOf(takenKeys);
        }

        public Clash clash() {
            return clash;
        }

        public List<String> takenKeys() {
            return takenKeys;
        }
    }

    /** The schedule a booking waits on, if any. */
    public record Work(String queue, Instant dueAt) {
        public static final Work NONE = new Work(null, null);
    }

    /**
     * Writes a new booking and takes its locks, with its idempotent answer and mail. One transaction when it fits;
     * otherwise claimed in chunks as described above.
     *
     * @throws NotWritten when a lock, the reference or the key is taken, or a concurrent transaction won
     */
    public void create(Booking booking, List<Lock> locks, Work work, Idempotency.Key key, Idempotency.Answer answer,
                       Mail mail, Instant now) {
        List<TransactWriteItem> extras = new ArrayList<>();
        if (key != null) {
            extras.add(TransactWriteItem.builder().put(Idempotency.put(table, key, answer, now)).build());
        }
        if (mail != null) {
            extras.add(TransactWriteItem.builder().put(outbox.pendingMail(mail, now)).build());
        }
        if (1 + locks.size() + extras.size() <= MAX_TRANSACTION) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(putBooking(booking, work, null)).build());
            locks.forEach(lock -> writes.add(TransactWriteItem.builder().put(putLock(booking, lock, now)).build()));
            writes.addAll(extras);
            write(writes, 1, locks);
            return;
        }
        createInChunks(booking, locks, work, extras, now);
    }

    private void createInChunks(Booking booking, List<Lock> locks, Work work, List<TransactWriteItem> extras, Instant now) {
        Booking claiming = new Booking(booking.reference(), booking.kind(), booking.facilityId(), booking.facilityName(),
                BookingStatus.CLAIMING, booking.occurrences(), booking.purpose(), booking.attendance(), booking.contact(),
                booking.concessionId(), booking.quote(), booking.channel(), booking.secretHash(), booking.createdAt(),
                booking.holdExpiresAt(), null, booking.createdBy(), booking.sequence(), booking.version() - 1);
        write(List.of(TransactWriteItem.builder().put(putBooking(claiming, new Work("claim", now.plus(CLAIM_DEADLINE)), null)).build()),
                0, List.of());
        List<Lock> claimed = new ArrayList<>();
        try {
            for (int from = 0; from < locks.size(); from += MAX_TRANSACTION) {
                List<Lock> chunk = locks.subList(from, Math.min(locks.size(), from + MAX_TRANSACTION));
                List<TransactWriteItem> writes = new ArrayList<>();
                chunk.forEach(lock -> writes.add(TransactWriteItem.builder().put(putLock(booking, lock, now)).build()));
                write(writes, 0, chunk);
                claimed.addAll(chunk);
            }
            List<TransactWriteItem> finish = new ArrayList<>();
            finish.add(TransactWriteItem.builder().put(putBooking(booking, work, claiming.version())).build());
            finish.addAll(extras);
            write(finish, 1, List.of());
        } catch (RuntimeException e) {
            // Roll back what this attempt claimed, then record the attempt as failed (and off the sweep's queue).
            release(booking.facilityId(), booking.reference(), claimed.stream().map(Lock::key).toList());
            dynamo.putItem(toPutRequest(putBooking(claiming.with(BookingStatus.FAILED, "Not all of the series could be booked"),
                    Work.NONE, claiming.version())));
            throw e;
        }
    }

    private static software.amazon.awssdk.services.dynamodb.model.PutItemRequest toPutRequest(Put put) {
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(put.tableName())
                .item(put.item()).conditionExpression(put.conditionExpression())
                .expressionAttributeValues(put.expressionAttributeValues()).build();
    }

    /**
     * Moves a booking to its next state (conditional on the version it was read at), with a mail, releasing the
     * named locks and taking new ones. Releases beyond one transaction go on in chunks, with the booking queued
     * as "release" until they are done.
     */
    public void update(Booking before, Booking after, Work work, List<String> release, List<Lock> take, Mail mail, Instant now) {
        int fixed = 1 + take.size() + (mail == null ? 0 : 1);
        if (fixed > MAX_TRANSACTION) {
            throw new IllegalArgumentException("Too many new locks for one change");
        }
        int inFirst = Math.min(release.size(), MAX_TRANSACTION - fixed);
        boolean more = inFirst < release.size();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(putBooking(after, more ? new Work("release", now) : work, before.version())).build());
        take.forEach(lock -> writes.add(TransactWriteItem.builder().put(putLock(after, lock, now)).build()));
        release.subList(0, inFirst).forEach(lockKey -> writes.add(TransactWriteItem.builder()
                .delete(deleteLock(after.facilityId(), after.reference(), lockKey)).build()));
        if (mail != null) {
            writes.add(TransactWriteItem.builder().put(outbox.pendingMail(mail, now)).build());
        }
        try {
            write(writes, 1, take);
        } catch (NotWritten e) {
            if (e.clash() == Clash.REFERENCE_TAKEN) {
                throw new NotWritten(Clash.CHANGED, List.of());
            }
            throw e;
        }
        if (more) {
            release(after.facilityId(), after.reference(), release.subList(inFirst, release.size()));
            dynamo.putItem(toPutRequest(putBooking(after, work, null)));
        }
    }

    /**
     * Takes a booking off its queue (conditional on the version it was read at) together with what the finished
     * work writes elsewhere, in one transaction: the work is done exactly when its effects are.
     */
    public void finishWork(Booking before, Booking after, List<Write> effects) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(putBooking(after, Work.NONE, before.version())).build());
        effects.forEach(effect -> writes.add(effect.item()));
        try {
            write(writes, 1, List.of());
        } catch (NotWritten e) {
            throw e.clash() == Clash.REFERENCE_TAKEN ? new NotWritten(Clash.CHANGED, List.of()) : e;
        }
    }

    /** Deletes the booking's own locks among these keys; a lock already gone or held by another is left alone. */
    public void release(String facilityId, Reference reference, List<String> lockKeys) {
        for (int from = 0; from < lockKeys.size(); from += MAX_TRANSACTION) {
            List<TransactWriteItem> deletes = lockKeys.subList(from, Math.min(lockKeys.size(), from + MAX_TRANSACTION)).stream()
                    .map(lockKey -> TransactWriteItem.builder().delete(deleteLock(facilityId, reference, lockKey)).build()).toList();
            for (int attempt = 1; ; attempt++) {
                try {
                    dynamo.transactWriteItems(transaction -> transaction.transactItems(deletes));
                    break;
                } catch (TransactionCanceledException e) {
                    if (attempt >= 5) {
                        throw e;
                    }
                    pause(attempt);
                }
            }
        }
    }

    /** The first answer to a POST with this key, if there was one (422 if it came with another body). */
    public Optional<Idempotency.Answer> replay(Idempotency.Key key) {
        return Idempotency.replay(dynamo, table, key);
    }

    public Optional<Booking> find(Reference reference) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(partition(reference), "BOOKING")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(booking(item));
    }

    /** Bookings by reference, in one BatchGetItem per hundred (and again for any it left unprocessed). */
    public Map<String, Booking> findAll(List<String> references) {
        Map<String, Booking> found = new LinkedHashMap<>();
        List<String> distinct = references.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = distinct.subList(from, Math.min(distinct.size(), from + 100)).stream()
                    .map(ref -> Items.key("BOOKING#" + ref, "BOOKING")).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            for (int attempt = 1; request != null && !request.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> asked = request;
                var response = dynamo.batchGetItem(batch -> batch.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    Booking booking = booking(item);
                    found.put(booking.reference().value(), booking);
                });
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : null;
                if (request != null && !request.isEmpty()) {
                    pause(attempt);
                }
            }
        }
        return found;
    }

    /** Bookings waiting in a queue and due by now, soonest first. */
    public List<Booking> due(String queue, Instant now, int limit) {
        List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder().tableName(table).indexName("BookingWork")
                .keyConditionExpression("queue = :queue AND dueAt <= :now")
                .expressionAttributeValues(Map.of(":queue", s(queue), ":now", n(now.toEpochMilli())))
                .limit(limit).build()).items();
        return items.stream().map(BookingStore::booking).toList();
    }

    /** Every lock of a facility from one granule up to (not including) another, in time order. */
    public List<HeldLock> locks(String facilityId, Instant from, Instant to) {
        List<HeldLock> locks = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(locksTable)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", s(lockPartition(facilityId)), ":from", s(SlotGrid.key(from)),
                            ":to", s(SlotGrid.key(to.minusSeconds(1)))))
                    .consistentRead(true)
                    .exclusiveStartKey(startKey).build());
            page.items().forEach(item -> locks.add(new HeldLock(Items.string(item, "sk"), Items.string(item, "bookingRef"),
                    Items.string(item, "kind"))));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return locks;
    }

    public void putFeedToken(String tokenHash, String facilityId, Instant now) {
        dynamo.putItem(request -> request.tableName(table).item(Map.of("pk", s("FEED#" + tokenHash), "sk", s("FEED"),
                "facilityId", s(facilityId), "createdAt", s(now.toString()))));
    }

    public Optional<String> feedFacility(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("FEED#" + tokenHash, "FEED"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.string(item, "facilityId"));
    }

    /** Runs a transaction; on cancellation says why. {@code firstLock}: the index of the first lock write. */
    private void write(List<TransactWriteItem> writes, int firstLock, List<Lock> locks) {
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < locks.size(); i++) {
                if (failed(reasons, firstLock + i)) {
                    taken.add(locks.get(i).key());
                }
            }
            if (!taken.isEmpty()) {
                throw new NotWritten(Clash.SLOTS_TAKEN, taken);
            }
            if (firstLock == 1 && failed(reasons, 0)) {
                throw new NotWritten(Clash.REFERENCE_TAKEN, List.of());
            }
            int extra = firstLock + locks.size();
            if (reasons.size() > extra && failed(reasons, extra) && writes.get(extra).put() != null
                    && writes.get(extra).put().item().get("pk").s().startsWith("IDEMPOTENCY#")) {
                throw new NotWritten(Clash.IDEMPOTENCY_KEY_USED, List.of());
            }
            if (reasons.stream().anyMatch(reason -> "TransactionConflict".equals(reason.code()))) {
                throw new NotWritten(Clash.BUSY, List.of());
            }
            throw e;
        }
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private Put putBooking(Booking booking, Work work, Long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(partition(booking.reference())));
        item.put("sk", s("BOOKING"));
        item.put("reference", s(booking.reference().value()));
        item.put("facilityId", s(booking.facilityId()));
        item.put("kind", s(booking.kind()));
        item.put("status", s(booking.status().wireName()));
        item.put("version", n(booking.version()));
        item.put("body", s(Json.write(booking)));
        if (work != null && work.queue() != null) {
            item.put("queue", s(work.queue()));
            item.put("dueAt", n(work.dueAt().toEpochMilli()));
        }
        Put.Builder put = Put.builder().tableName(table).item(Items.compact(item));
        if (expectedVersion == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :version").expressionAttributeValues(Map.of(":version", n(expectedVersion)));
        }
        return put.build();
    }

    private Put putLock(Booking booking, Lock lock, Instant now) {
        Instant granule = SlotGrid.instant(lock.key());
        return Put.builder().tableName(locksTable).item(Map.of(
                        "pk", s(lockPartition(booking.facilityId())),
                        "sk", s(lock.key()),
                        "bookingRef", s(booking.reference().value()),
                        "kind", s(lock.kind()),
                        "expiresAt", n(granule.plus(KEEP_LOCKS).getEpochSecond())))
                .conditionExpression("attribute_not_exists(pk)").build();
    }

    private Delete deleteLock(String facilityId, Reference reference, String lockKey) {
        return Delete.builder().tableName(locksTable)
                .key(Map.of("pk", s(lockPartition(facilityId)), "sk", s(lockKey)))
                .conditionExpression("attribute_not_exists(pk) OR bookingRef = :ref")
                .expressionAttributeValues(Map.of(":ref", s(reference.value()))).build();
    }

    static String lockPartition(String facilityId) {
        return "FACILITY#" + facilityId;
    }

    private static String partition(Reference reference) {
        return "BOOKING#" + reference.value();
    }

    private static Booking booking(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readValue(Items.string(item, "body"), Booking.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored booking cannot be read", e);
        }
    }

    static void pause(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 20 * attempt) + 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

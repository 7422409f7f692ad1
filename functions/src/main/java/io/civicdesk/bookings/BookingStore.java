package io.civicdesk.bookings;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.ContactLookup;
import io.civicdesk.platform.ContactLookupItems;
import io.civicdesk.platform.Items;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Reference;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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
 * IDEMPOTENCY#{sha256}   IDEMPOTENCY   the first answer to a POST with that key (platform.IdempotencyStore); TTL a day on
 * FEED#{sha256(token)}   FEED          facilityId: a secret calendar-feed link, stored hashed
 * BOOKING#{reference}    CONTACT#{term} the booker's lookup items (platform.ContactLookup → ByContact), with the booking
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
public final class BookingStore implements Bookings {
    static final int MAX_TRANSACTION = 100;
    static final Duration CLAIM_DEADLINE = Duration.ofMinutes(2);
    static final Duration KEEP_LOCKS = Duration.ofDays(31);
    private static final String FAILED_CLAIM = "Not all of the series could be booked";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;
    private final String locksTable;

    public BookingStore(DynamoDbClient dynamo, String table, String locksTable) {
        this.dynamo = dynamo;
        this.transactions = new DynamoTransactions(dynamo);
        this.table = table;
        this.locksTable = locksTable;
    }

    public String table() {
        return table;
    }

    @Override
    public Creation create(Booking booking, List<Lock> locks, Work work, int alongside, Instant now) {
        List<Write> lookups = contactLookups(booking);
        if (1 + lookups.size() + locks.size() + alongside <= MAX_TRANSACTION) {
            List<Write> writes = new ArrayList<>();
            writes.add(Write.put(BOOKING, putBooking(booking, work, null)));
            writes.addAll(lookups);
            locks.forEach(lock -> writes.add(Write.put(Bookings.slot(lock.key()), putLock(booking, lock, now))));
            return Creation.inOne(writes);
        }
        return claimInChunks(booking, locks, work, now);
    }

    /** The booking recorded as claiming (and queued for the sweep), then its locks a transaction at a time. */
    private Creation claimInChunks(Booking booking, List<Lock> locks, Work work, Instant now) {
        Booking claiming = booking.withStatus(BookingStatus.CLAIMING).withVersion(booking.version() - 1);
        transactions.commit(List.of(Write.put(BOOKING, putBooking(claiming, new Work("claim", now.plus(CLAIM_DEADLINE)), null))));
        List<String> claimed = new ArrayList<>();
        Runnable giveUp = () -> {
            // Roll back what this attempt claimed, then record the attempt as failed (and off the sweep's queue).
            release(booking.facilityId(), booking.reference(), claimed);
            dynamo.putItem(toPutRequest(putBooking(claiming.ended(BookingStatus.FAILED, FAILED_CLAIM), Work.NONE, claiming.version())));
        };
        try {
            for (int from = 0; from < locks.size(); from += MAX_TRANSACTION) {
                List<Lock> chunk = locks.subList(from, Math.min(locks.size(), from + MAX_TRANSACTION));
                commitRetrying(chunk.stream().map(lock -> Write.put(Bookings.slot(lock.key()), putLock(booking, lock, now))).toList());
                chunk.forEach(lock -> claimed.add(lock.key()));
            }
        } catch (RuntimeException e) {
            giveUp.run();
            throw e;
        }
        List<Write> writes = new ArrayList<>(List.of(Write.put(BOOKING, putBooking(booking, work, claiming.version()))));
        writes.addAll(contactLookups(booking));
        return new Creation(writes, true, giveUp);
    }

    /** The booker's lookup items (platform.ContactLookup), written with the booking; a block-out has none. */
    private List<Write> contactLookups(Booking booking) {
        return booking.contact() == null ? List.of()
                : ContactLookupItems.of(table, partition(booking.reference()), booking.contact().email(), booking.contact().phone());
    }

    private static software.amazon.awssdk.services.dynamodb.model.PutItemRequest toPutRequest(Put put) {
        return software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder().tableName(put.tableName())
                .item(put.item()).conditionExpression(put.conditionExpression())
                .expressionAttributeValues(put.expressionAttributeValues()).build();
    }

    /**
     * Releases beyond one transaction go on afterwards in chunks, with the booking queued as "release" until
     * they are done.
     */
    @Override
    public Move move(Booking before, Booking after, Work work, List<String> release, List<Lock> take, List<Write> alongside,
                     Instant now) {
        int fixed = 1 + take.size() + alongside.size();
        if (fixed > MAX_TRANSACTION) {
            throw new IllegalArgumentException("Too many new locks for one change");
        }
        int inFirst = Math.min(release.size(), MAX_TRANSACTION - fixed);
        boolean more = inFirst < release.size();
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(BOOKING, putBooking(after, more ? new Work("release", now) : work, before.version())));
        take.forEach(lock -> writes.add(Write.put(Bookings.slot(lock.key()), putLock(after, lock, now))));
        release.subList(0, inFirst).forEach(lockKey -> writes.add(Write.of("release " + lockKey, TransactWriteItem.builder()
                .delete(deleteLock(after.facilityId(), after.reference(), lockKey)).build())));
        writes.addAll(alongside);
        if (!more) {
            return new Move(writes, () -> { });
        }
        List<String> rest = List.copyOf(release.subList(inFirst, release.size()));
        return new Move(writes, () -> {
            release(after.facilityId(), after.reference(), rest);
            dynamo.putItem(toPutRequest(putBooking(after, work, after.version())));
        });
    }

    @Override
    public void release(String facilityId, Reference reference, List<String> lockKeys) {
        for (int from = 0; from < lockKeys.size(); from += MAX_TRANSACTION) {
            commitRetrying(lockKeys.subList(from, Math.min(lockKeys.size(), from + MAX_TRANSACTION)).stream()
                    .map(lockKey -> Write.of("release " + lockKey, TransactWriteItem.builder()
                            .delete(deleteLock(facilityId, reference, lockKey)).build())).toList());
        }
    }

    /** A chunk of a long series, tried again while only a concurrent transaction is in its way. */
    private void commitRetrying(List<Write> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.commit(writes);
                return;
            } catch (Refused refused) {
                if (!refused.failed().isEmpty() || attempt >= 5) {
                    throw refused;
                }
                pause(attempt);
            }
        }
    }

    @Override
    public Optional<Booking> find(Reference reference) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key(partition(reference), "BOOKING")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(booking(item));
    }

    /** Bookings by reference, in one BatchGetItem per hundred (and again for any it left unprocessed). */
    @Override
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

    @Override
    public List<Booking> due(String queue, Instant now, int limit) {
        List<Map<String, AttributeValue>> items = dynamo.query(QueryRequest.builder().tableName(table).indexName("BookingWork")
                .keyConditionExpression("queue = :queue AND dueAt <= :now")
                .expressionAttributeValues(Map.of(":queue", s(queue), ":now", n(now.toEpochMilli())))
                .limit(limit).build()).items();
        return items.stream().map(BookingStore::booking).toList();
    }

    @Override
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

    @Override
    public void putFeedToken(String tokenHash, String facilityId, Instant now) {
        dynamo.putItem(request -> request.tableName(table).item(Map.of("pk", s("FEED#" + tokenHash), "sk", s("FEED"),
                "facilityId", s(facilityId), "createdAt", s(now.toString()))));
    }

    @Override
    public Optional<String> feedFacility(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(table)
                .key(Items.key("FEED#" + tokenHash, "FEED"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.string(item, "facilityId"));
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

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(20L * attempt) + 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

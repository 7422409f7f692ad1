package io.civicdesk.bookings;

import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Transactions;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Reference;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The bookings table, the slot locks and the idempotent answers in memory, with the same conditions as
 * {@link BookingStore}: a transaction of its parts is all or nothing, and names the parts whose condition failed.
 * Parts it did not make (the outbox's mail, a survey) are kept as they are, for a test to count.
 */
final class InMemoryBookings implements Bookings, Transactions, IdempotentCommand.Answers {
    private record Part(BooleanSupplier holds, Runnable apply) {
    }

    private record Remembered(String fingerprint, Idempotency.Answer answer) {
    }

    final Map<String, Booking> bookings = new LinkedHashMap<>();
    final Map<String, Work> work = new HashMap<>();
    final Map<String, TreeMap<String, HeldLock>> locks = new HashMap<>();
    final List<Write> others = new ArrayList<>();
    int transactions;
    private final Map<String, String> feeds = new HashMap<>();
    private final Map<String, Remembered> answers = new HashMap<>();
    private final Map<Write, Part> parts = new IdentityHashMap<>();

    private Write part(String name, BooleanSupplier holds, Runnable apply) {
        Write write = Write.of(name, TransactWriteItem.builder().build());
        parts.put(write, new Part(holds, apply));
        return write;
    }

    private Write putBooking(Booking booking, Work queued, Long expectedVersion) {
        String ref = booking.reference().value();
        return part(BOOKING, () -> expectedVersion == null ? !bookings.containsKey(ref)
                        : bookings.containsKey(ref) && bookings.get(ref).version() == expectedVersion,
                () -> {
                    bookings.put(ref, booking);
                    work.put(ref, queued);
                });
    }

    private TreeMap<String, HeldLock> of(String facilityId) {
        return locks.computeIfAbsent(facilityId, id -> new TreeMap<>());
    }

    private Write putLock(Booking booking, Lock lock) {
        return part(Bookings.slot(lock.key()), () -> !of(booking.facilityId()).containsKey(lock.key()),
                () -> of(booking.facilityId()).put(lock.key(), new HeldLock(lock.key(), booking.reference().value(), lock.kind())));
    }

    private Write deleteLock(String facilityId, Reference reference, String key) {
        return part("release " + key, () -> !of(facilityId).containsKey(key) || of(facilityId).get(key).bookingRef().equals(reference.value()),
                () -> of(facilityId).remove(key));
    }

    @Override
    public void commit(List<Write> writes) {
        transactions++;
        Set<String> failed = new LinkedHashSet<>();
        for (Write write : writes) {
            Part part = parts.get(write);
            if (part != null && !part.holds().getAsBoolean()) {
                failed.add(write.name());
            }
        }
        if (!failed.isEmpty()) {
            throw new Refused(failed, false);
        }
        for (Write write : writes) {
            Part part = parts.remove(write);
            if (part == null) {
                others.add(write);
            } else {
                part.apply().run();
            }
        }
    }

    @Override
    public Creation create(Booking booking, List<Lock> take, Work queued, int alongside, Instant now) {
        List<Write> writes = new ArrayList<>();
        writes.add(putBooking(booking, queued, null));
        take.forEach(lock -> writes.add(putLock(booking, lock)));
        return Creation.inOne(writes);
    }

    @Override
    public Move move(Booking before, Booking after, Work queued, List<String> release, List<Lock> take, List<Write> alongside,
                     Instant now) {
        List<Write> writes = new ArrayList<>();
        writes.add(putBooking(after, queued, before.version()));
        take.forEach(lock -> writes.add(putLock(after, lock)));
        release.forEach(key -> writes.add(deleteLock(after.facilityId(), after.reference(), key)));
        writes.addAll(alongside);
        return new Move(writes, () -> { });
    }

    @Override
    public void release(String facilityId, Reference reference, List<String> lockKeys) {
        commit(lockKeys.stream().map(key -> deleteLock(facilityId, reference, key)).toList());
    }

    @Override
    public Optional<Booking> find(Reference reference) {
        return Optional.ofNullable(bookings.get(reference.value()));
    }

    @Override
    public Map<String, Booking> findAll(List<String> references) {
        Map<String, Booking> found = new LinkedHashMap<>();
        references.stream().distinct().filter(bookings::containsKey).forEach(ref -> found.put(ref, bookings.get(ref)));
        return found;
    }

    @Override
    public List<Booking> due(String queue, Instant now, int limit) {
        return bookings.values().stream().filter(b -> {
            Work queued = work.get(b.reference().value());
            return queued != null && queue.equals(queued.queue()) && !queued.dueAt().isAfter(now);
        }).sorted((a, b) -> work.get(a.reference().value()).dueAt().compareTo(work.get(b.reference().value()).dueAt()))
                .limit(limit).toList();
    }

    @Override
    public List<HeldLock> locks(String facilityId, Instant from, Instant to) {
        return List.copyOf(of(facilityId).subMap(SlotGrid.key(from), true, SlotGrid.key(to.minusSeconds(1)), true).values());
    }

    @Override
    public void putFeedToken(String tokenHash, String facilityId, Instant now) {
        feeds.put(tokenHash, facilityId);
    }

    @Override
    public Optional<String> feedFacility(String tokenHash) {
        return Optional.ofNullable(feeds.get(tokenHash));
    }

    @Override
    public Optional<Idempotency.Answer> replay(Idempotency.Key key) {
        Remembered first = answers.get(key.keyHash());
        if (first != null && !first.fingerprint().equals(key.fingerprint())) {
            throw new Refusal(Refusal.Kind.KEY_REUSED, "This Idempotency-Key was already used with different details.");
        }
        return Optional.ofNullable(first).map(Remembered::answer);
    }

    @Override
    public Write remember(Idempotency.Key key, Idempotency.Answer answer, Instant now) {
        return part(IdempotentCommand.IDEMPOTENCY, () -> !answers.containsKey(key.keyHash()),
                () -> answers.put(key.keyHash(), new Remembered(key.fingerprint(), answer)));
    }

    /** The mails written to the outbox so far. */
    long mails() {
        return others.stream().filter(w -> w.name().equals(MAIL)).count();
    }
}

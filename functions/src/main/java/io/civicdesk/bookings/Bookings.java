package io.civicdesk.bookings;

import io.civicdesk.platform.Refused;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.Reference;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bookings and the slot locks they hold, as the booking services see them: {@link BookingStore} (its key design is
 * written there), or an in-memory one in the handler tests. Changes come back as named {@link Write}s for the
 * service to commit with whatever else the change writes; only what cannot be one transaction (a series of
 * more locks than one holds) is written here, in chunks.
 */
public interface Bookings {
    /** The booking item's part: refused when its reference is taken, or when it changed since it was read. */
    String BOOKING = "booking";
    /** The outbox mail's part, in a change that sends one. */
    String MAIL = "mail";

    /** A lock's part: refused when another booking holds that granule. */
    static String slot(String lockKey) {
        return "slot " + lockKey;
    }

    /** The granules a refused transaction found taken. */
    static List<String> takenSlots(Refused refused) {
        return refused.failed().stream().filter(part -> part.startsWith("slot ")).map(part -> part.substring(5)).toList();
    }

    /** A lock to take: its granule key and what it is for. */
    record Lock(String key, String kind) {
    }

    /** A held lock as read back. */
    record HeldLock(String key, String bookingRef, String kind) {
    }

    /** The schedule a booking waits on, if any. */
    record Work(String queue, Instant dueAt) {
        public static final Work NONE = new Work(null, null);
    }

    /**
     * A new booking's parts: its item and its locks, to commit with what goes {@code alongside} (its mail, its
     * idempotent answer). When they do not fit one transaction, the locks are claimed here in chunks first and
     * only the booking's item is left to commit; {@code giveUp} frees the claim if that commit never lands.
     */
    record Creation(List<Write> writes, boolean claimedAhead, Runnable giveUp) {
        public Creation {
            writes = List.copyOf(writes);
        }

        public static Creation inOne(List<Write> writes) {
            return new Creation(writes, false, () -> { });
        }
    }

    /** A change's parts, with what goes alongside; {@code afterwards} frees what did not fit (a long series' locks). */
    record Move(List<Write> writes, Runnable afterwards) {
        public Move {
            writes = List.copyOf(writes);
        }
    }

    /** @throws Refused naming the slots already taken, when a long series' claim meets another booking */
    Creation create(Booking booking, List<Lock> locks, Work work, int alongside, Instant now);

    /**
     * Moves a booking to its next state, conditional on the version it was read at, releasing the named locks and
     * taking new ones.
     */
    Move move(Booking before, Booking after, Work work, List<String> release, List<Lock> take, List<Write> alongside,
              Instant now);

    /** Deletes the booking's own locks among these keys; a lock already gone or held by another is left alone. */
    void release(String facilityId, Reference reference, List<String> lockKeys);

    Optional<Booking> find(Reference reference);

    /** Bookings by reference. */
    Map<String, Booking> findAll(List<String> references);

    /** Bookings waiting in a queue and due by now, soonest first. */
    List<Booking> due(String queue, Instant now, int limit);

    /** Every lock of a facility from one granule up to (not including) another, in time order. */
    List<HeldLock> locks(String facilityId, Instant from, Instant to);

    void putFeedToken(String tokenHash, String facilityId, Instant now);

    Optional<String> feedFacility(String tokenHash);
}

package io.civicdesk.privacy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table's records that hold a resident's personal details, as privacy sees them: found when past retention
 * (a page of the table at a time), found by the resident they belong to, and anonymised in place. Each table has
 * a store that implements this ({@code *RecordStore}); anonymising is a conditional write, so a record changed
 * since it was read is read again and, if it is still due, tried again, never overwritten blind.
 */
public interface PersonalRecords {

    /** The table's name in the retention cursor and the run's counts. */
    String name();

    /** One page of the table from {@code startAfter} (null: the start): the records due under {@code cutoffs}. */
    Page due(Cutoffs cutoffs, String startAfter, int pageSize);

    /** Anonymises one record found by {@link #due} or {@link #holding}, if it is (still) due. */
    Outcome anonymise(Held record, Cutoffs cutoffs);

    /**
     * The records that belong to a resident (by email or phone), found through lookup indexes and read by key
     * (never a Scan), or that hang off one of {@code related} (the keys, {@link Held#key}, of the resident's
     * records found in the tables searched before: their requests' surveys and photos, their bookings' surveys).
     */
    List<Held> holding(Subject subject, Set<String> related);

    /**
     * One page of the table from {@code startAfter} (null: the start) for the backfill of lookup items: the records
     * written before their lookup items were (platform.ContactLookup, the requests' follower terms) get them, each
     * only if it still holds the details it was read with. Run once through each table, by the retention run.
     */
    Backfill backfill(String startAfter, int pageSize);

    /** @param next where the next page starts, null when this page ended the table */
    record Backfill(int written, String next) {
    }

    /**
     * A record holding personal details: its kind, its key in its table, its reference (or id), the version it
     * was read at (0 for records without one) and, for an export, what it holds (field → value, the personal
     * fields and what identifies the record).
     */
    record Held(RecordKind kind, String key, String reference, long version, Map<String, Object> details) {
    }

    /**
     * @param next              where the next page starts, null when this page ended the table
     * @param answersDeleted    idempotency answers past their expiry deleted on the way (TTL may lag two days)
     */
    record Page(List<Held> due, String next, int answersDeleted) {
    }

    enum Outcome {
        /** Its personal details are gone; the record and its figures stay. */
        ANONYMISED,
        /** Changed since it was read, read again and anonymised. */
        ANONYMISED_AFTER_CHANGE,
        /** Changed since it was read and no longer due (e.g. reopened): left as it is. */
        NO_LONGER_DUE
    }
}

package io.civicdesk.privacy;

import java.util.List;

/** The retention runs and where the next one starts, as the services see them ({@link RunStore} in DynamoDB). */
public interface Runs {

    /** Where a run stands: the index of the table it is in (of the run's list) and the last key read there. */
    record Cursor(int tableIndex, String after) {
        public static final Cursor START = new Cursor(0, null);
    }

    /**
     * Where the retention and the backfill of lookup items stand; the backfill is done for good once its table
     * index is past the last table (records written since carry their lookup items).
     */
    record Cursors(Cursor retention, Cursor lookups) {
    }

    Cursors cursors();

    /** The run and the cursors the next one starts from, together. */
    void record(RetentionRun run, Cursors next);

    /** The latest runs, newest first. */
    List<RetentionRun> latest(int limit);
}

package io.civicdesk.platform;

import java.util.List;

/** Commits the named parts of one change together: all are written or none. */
public interface Transactions {
    /** @throws Refused when a part's condition failed or a concurrent transaction won: nothing was written */
    void commit(List<Write> writes);
}

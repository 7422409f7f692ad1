package io.civicdesk.privacy;

import java.time.YearMonth;
import java.util.List;

/** The privacy audit's entries as the services see them ({@link AuditStore} in DynamoDB). */
public interface AuditLog {
    void add(AuditEntry entry);

    /** A month's entries, newest first, at most {@code limit}, only a staff member's or a record's when given. */
    List<AuditEntry> month(YearMonth month, String staffId, String reference, int limit);
}

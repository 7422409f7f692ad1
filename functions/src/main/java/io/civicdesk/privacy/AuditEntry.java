package io.civicdesk.privacy;

import java.time.Instant;
import java.util.List;

/**
 * One thing done with residents' personal details, for administrators to see: a member of staff shown a record
 * ({@code read}), or an administrator's subject-access {@code search}, {@code export} or {@code erase}. The
 * resident is never named: {@code subjectHash} is a hash of the email and phone searched for.
 *
 * @param kind       request, complaint, booking for a read; for the others, "subject"
 * @param references the records shown, exported or erased (at most {@link #MAX_REFERENCES}; {@code count} is all)
 */
public record AuditEntry(Instant at, String staffId, String staffName, String action, String kind,
                         List<String> references, int count, String subjectHash) {
    public static final int MAX_REFERENCES = 50;

    public AuditEntry {
        references = List.copyOf(references.subList(0, Math.min(references.size(), MAX_REFERENCES)));
    }
}

package io.civicdesk.privacy;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffReadAudit;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The privacy audit: staff shown residents' details (the port the staff pages call), administrators' searches,
 * exports and erasures, and the audit's own page for administrators.
 */
public final class AuditTrail implements StaffReadAudit {
    static final int PAGE = 200;

    private final AuditLog store;
    private final Clock clock;

    public AuditTrail(AuditLog store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void shown(StaffCaller staff, String kind, List<String> references) {
        if (!references.isEmpty()) {
            store.add(new AuditEntry(clock.instant(), staff.id(), staff.name(), "read", kind, references, references.size(), null));
        }
    }

    void subjectAction(StaffCaller admin, String action, Subject subject, List<PersonalRecords.Held> records) {
        store.add(new AuditEntry(clock.instant(), admin.id(), admin.name(), action, "subject",
                records.stream().map(PersonalRecords.Held::reference).toList(), records.size(), subject.hash()));
    }

    /** A month's audit (this month unless {@code month}, yyyy-mm, says), newest first, filtered when asked. */
    public List<AuditEntry> entries(StaffCaller caller, String month, String staffId, String reference) {
        caller.requireAny(StaffCaller.Role.ADMIN);
        YearMonth wanted;
        try {
            wanted = month == null ? YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("month", "Give the month as yyyy-mm, like 2026-12.");
        }
        return store.month(wanted, blankToNull(staffId), blankToNull(reference), PAGE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.civicdesk.privacy;

import io.civicdesk.platform.StaffCaller;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resident's own records, for an administrator answering a subject-access request or an erasure request:
 * found by email or phone across every table that holds personal details, exported, or erased (anonymised the
 * same way retention does it, whatever the record's age, leaving the figures as they were). Each search, export
 * and erasure is audited, with a hash for the resident.
 */
public final class SubjectAccess {
    private final List<PersonalRecords> tables;
    private final AuditTrail audit;
    private final Clock clock;

    /** @param tables in the order they are searched: the keys of a table's records are handed to those after it */
    public SubjectAccess(List<PersonalRecords> tables, AuditTrail audit, Clock clock) {
        this.tables = List.copyOf(tables);
        this.audit = audit;
        this.clock = clock;
    }

    /** What was found, in the order found: each record with the table it is in. */
    public record Found(Subject subject, Instant at, List<PersonalRecords.Held> records) {
        public Map<RecordKind, Integer> counts() {
            Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
            records.forEach(record -> counts.merge(record.kind(), 1, Integer::sum));
            return counts;
        }
    }

    /** What an erasure did: records anonymised by kind, and those left (a mail still waiting to be sent). */
    public record Erasure(Instant at, Map<RecordKind, Integer> erased, int left) {
    }

    public Found search(StaffCaller caller, Subject subject) {
        return audited(caller, "search", subject);
    }

    public Found export(StaffCaller caller, Subject subject) {
        return audited(caller, "export", subject);
    }

    public Erasure erase(StaffCaller caller, Subject subject) {
        caller.requireAny(StaffCaller.Role.ADMIN);
        Cutoffs everything = Cutoffs.everything(clock.instant());
        Map<RecordKind, Integer> erased = new EnumMap<>(RecordKind.class);
        List<PersonalRecords.Held> done = new ArrayList<>();
        int left = 0;
        for (Located located : find(subject)) {
            if (located.table().anonymise(located.record(), everything) == PersonalRecords.Outcome.NO_LONGER_DUE) {
                left++;
            } else {
                erased.merge(located.record().kind(), 1, Integer::sum);
                done.add(located.record());
            }
        }
        audit.subjectAction(caller, "erase", subject, done);
        return new Erasure(everything.now(), erased, left);
    }

    private Found audited(StaffCaller caller, String action, Subject subject) {
        caller.requireAny(StaffCaller.Role.ADMIN);
        List<PersonalRecords.Held> records = find(subject).stream().map(Located::record).toList();
        audit.subjectAction(caller, action, subject, records);
        return new Found(subject, clock.instant(), records);
    }

    private record Located(PersonalRecords table, PersonalRecords.Held record) {
    }

    private List<Located> find(Subject subject) {
        Set<String> related = new LinkedHashSet<>();
        List<Located> found = new ArrayList<>();
        for (PersonalRecords table : tables) {
            for (PersonalRecords.Held record : table.holding(subject, Set.copyOf(related))) {
                found.add(new Located(table, record));
                related.add(record.key());
            }
        }
        return found;
    }
}

package io.civicdesk.directory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The staff directory in a map, with its versions, for handler and service tests. */
public final class InMemoryDirectory implements Directory {
    private final Map<String, StaffDirectory.Entry> entries = new LinkedHashMap<>();

    public InMemoryDirectory with(StaffMember member) {
        entries.put(member.id(), new StaffDirectory.Entry(member, 1, false));
        return this;
    }

    @Override
    public Optional<StaffMember> member(String id) {
        return entry(id).map(StaffDirectory.Entry::member);
    }

    @Override
    public Optional<StaffDirectory.Entry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public List<StaffDirectory.Entry> everyone() {
        return entries.values().stream().sorted(Comparator.comparing(entry -> entry.member().name())).toList();
    }

    @Override
    public List<StaffMember> inUnit(String unitId) {
        return everyone().stream().map(StaffDirectory.Entry::member).filter(StaffMember::enabled)
                .filter(member -> unitId == null || Objects.equals(unitId, member.unitId())).toList();
    }

    @Override
    public boolean create(StaffMember member) {
        return entries.putIfAbsent(member.id(), new StaffDirectory.Entry(member, 1, false)) == null;
    }

    @Override
    public boolean change(StaffMember member, long read) {
        StaffDirectory.Entry current = entries.get(member.id());
        if (current == null || current.version() != read) {
            return false;
        }
        entries.put(member.id(), new StaffDirectory.Entry(member, read + 1, true));
        return true;
    }

    @Override
    public boolean settle(String id, long version) {
        StaffDirectory.Entry current = entries.get(id);
        if (current == null || current.version() != version) {
            return false;
        }
        entries.put(id, new StaffDirectory.Entry(current.member(), version, false));
        return true;
    }
}

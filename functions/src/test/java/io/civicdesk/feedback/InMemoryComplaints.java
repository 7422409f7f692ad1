package io.civicdesk.feedback;

import io.civicdesk.platform.InMemoryTransactions;
import io.civicdesk.platform.Write;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Complaints} in memory, with the Dynamo store's conditions: a new reference, the version read. */
final class InMemoryComplaints implements Complaints {
    private final InMemoryTransactions transactions;
    final Map<String, Complaint> cases = new LinkedHashMap<>();
    private final List<ComplaintNote> notes = new java.util.ArrayList<>();

    InMemoryComplaints(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<Write> create(Complaint complaint) {
        return List.of(transactions.write("case", () -> !cases.containsKey(complaint.reference()),
                () -> cases.put(complaint.reference(), complaint)));
    }

    @Override
    public Write save(Complaint changed) {
        return transactions.write("case", () -> cases.containsKey(changed.reference())
                && cases.get(changed.reference()).version() == changed.version() - 1, () -> cases.put(changed.reference(), changed));
    }

    @Override
    public Optional<Complaint> find(String reference) {
        return Optional.ofNullable(cases.get(reference));
    }

    @Override
    public List<Complaint> open(String queue) {
        return cases.values().stream().filter(Complaint::open).filter(c -> c.isReview() == "reviews".equals(queue))
                .sorted(Comparator.comparing(Complaint::answerBy)).toList();
    }

    @Override
    public List<Complaint> received(YearMonth month) {
        return cases.values().stream().filter(c -> !c.isReview())
                .filter(c -> YearMonth.from(c.receivedAt().atZone(ZoneOffset.UTC)).equals(month)).toList();
    }

    @Override
    public Write noted(ComplaintNote note) {
        return transactions.write("note", () -> true, () -> notes.add(note));
    }

    @Override
    public List<ComplaintNote> notes(String reference) {
        return notes.stream().filter(note -> note.reference().equals(reference)).toList();
    }
}

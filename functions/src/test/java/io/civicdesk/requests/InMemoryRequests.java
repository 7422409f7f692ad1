package io.civicdesk.requests;

import io.civicdesk.platform.InMemoryTransactions;
import io.civicdesk.platform.Write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Requests} in memory, its writes committed through {@link InMemoryTransactions}. */
public final class InMemoryRequests implements Requests {
    private final InMemoryTransactions writes;
    private final Map<Reference, ServiceRequest> requests = new HashMap<>();
    private final Map<Reference, List<HistoryEntry>> history = new HashMap<>();
    private final Map<Reference, List<PublicUpdate>> updates = new HashMap<>();

    public InMemoryRequests(InMemoryTransactions writes) {
        this.writes = writes;
    }

    public int size() {
        return requests.size();
    }

    @Override
    public Optional<RequestWithUpdates> find(Reference reference) {
        return get(reference).map(request -> new RequestWithUpdates(request, updates.get(reference)));
    }

    @Override
    public Optional<RequestRecord> findWithHistory(Reference reference) {
        return get(reference).map(request -> new RequestRecord(request, history.get(reference), updates.get(reference)));
    }

    @Override
    public Optional<ServiceRequest> get(Reference reference) {
        return Optional.ofNullable(requests.get(reference));
    }

    @Override
    public List<Write> created(ServiceRequest request, List<PublicUpdate> newUpdates, List<HistoryEntry> entries) {
        Reference reference = request.reference();
        return List.of(writes.write(REFERENCE, () -> !requests.containsKey(reference), () -> {
            requests.put(reference, request);
            history.put(reference, new ArrayList<>(entries));
            updates.put(reference, new ArrayList<>(newUpdates));
        }));
    }

    @Override
    public List<Write> changed(RequestChange change) {
        Reference reference = change.after().reference();
        return List.of(writes.write(Requests.version(reference),
                () -> requests.containsKey(reference) && requests.get(reference).version() == change.expectedVersion(),
                () -> {
                    requests.put(reference, change.after());
                    history.get(reference).addAll(change.history());
                    updates.get(reference).addAll(change.updates());
                }));
    }
}

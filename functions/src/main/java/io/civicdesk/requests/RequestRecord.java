package io.civicdesk.requests;

import java.util.Comparator;
import java.util.List;

/** A request with everything staff see of it: its history, its public updates and its referrals (oldest first). */
public record RequestRecord(ServiceRequest request, List<HistoryEntry> history, List<PublicUpdate> updates,
                            List<Referral> referrals) {
    public RequestRecord {
        history = List.copyOf(history);
        updates = List.copyOf(updates);
        referrals = referrals.stream().sorted(Comparator.comparing(Referral::referredAt)).toList();
    }

    /** A request never referred. */
    public RequestRecord(ServiceRequest request, List<HistoryEntry> history, List<PublicUpdate> updates) {
        this(request, history, updates, List.of());
    }
}

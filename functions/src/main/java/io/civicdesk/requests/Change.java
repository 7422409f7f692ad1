package io.civicdesk.requests;

import io.civicdesk.notify.Outgoing;
import io.civicdesk.platform.Write;

import java.time.Instant;
import java.util.List;

/**
 * A staff action ready to save: the requests it writes (the one acted on first), its mail and texts, when it
 * happened, and the other items it writes in the same transaction (a referral and its counts).
 *
 * @param referral the referral it makes or answers, as it will be; null for any other change
 */
record Change(List<RequestChange> writes, List<? extends Outgoing> mails, Instant at, List<Write> also, Referral referral) {
    Change {
        also = List.copyOf(also);
    }

    Change(List<RequestChange> writes, List<? extends Outgoing> mails, Instant at) {
        this(writes, mails, at, List.of(), null);
    }

    RequestChange own() {
        return writes.get(0);
    }

    /** The same change, making or answering {@code made}, with its items {@code more}. */
    Change with(Referral made, List<Write> more) {
        return new Change(writes, mails, at, more, made);
    }

    /** A request's referrals after the change. */
    List<Referral> referralsAfter(List<Referral> before) {
        if (referral == null) {
            return before;
        }
        List<Referral> after = new java.util.ArrayList<>(before.stream()
                .filter(kept -> !kept.referredAt().equals(referral.referredAt())).toList());
        after.add(referral);
        return after;
    }
}

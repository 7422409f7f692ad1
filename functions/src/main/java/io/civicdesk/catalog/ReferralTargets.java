package io.civicdesk.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The agreements between units on referrals: how many business hours the receiving unit has to accept a request
 * referred to it, or send it back as wrongly referred — per pair of units (from → to), else the council's default.
 *
 * @param version counts the administrators' changes; 0 before the first
 */
public record ReferralTargets(int defaultHours, List<Pair> pairs, long version) {
    /** The default before an administrator sets one: a business day (8 hours). */
    public static final int PROVIDER_DEFAULT_HOURS = 8;
    public static final int MAX_HOURS = 2000;
    public static final ReferralTargets PROVIDER_DEFAULT = new ReferralTargets(PROVIDER_DEFAULT_HOURS, List.of(), 0);

    public record Pair(String fromUnitId, String toUnitId, int hours) {
    }

    public ReferralTargets {
        pairs = List.copyOf(pairs);
    }

    /** The pair's own agreement, if it has one. */
    public Optional<Pair> agreed(String fromUnitId, String toUnitId) {
        return pairs.stream().filter(pair -> pair.fromUnitId().equals(fromUnitId) && pair.toUnitId().equals(toUnitId))
                .findFirst();
    }

    /** The target a referral from one unit to another is measured against, in business time. */
    public Duration target(String fromUnitId, String toUnitId) {
        return Duration.ofHours(agreed(fromUnitId, toUnitId).map(Pair::hours).orElse(defaultHours));
    }
}

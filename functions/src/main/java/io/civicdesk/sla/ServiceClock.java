package io.civicdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service-level clock over a request's life, in business time. It starts when the request arrives (time
 * out of hours counts for nothing, so an evening report effectively starts at the next opening), pauses while
 * the request waits on the customer, stops at resolution, and a reopen sets it running again. Immutable: each
 * change gives a new clock, which is what a request stores.
 *
 * @param runs the periods the clock has run, in order; only the last may still be running ({@code to} null)
 */
public record ServiceClock(List<Run> runs) {

    /** A period the clock ran. */
    public record Run(Instant from, Instant to) {
        boolean running() {
            return to == null;
        }
    }

    public ServiceClock {
        runs = List.copyOf(runs);
        for (int i = 0; i < runs.size() - 1; i++) {
            if (runs.get(i).running()) {
                throw new IllegalArgumentException("Only the last run may still be running");
            }
        }
    }

    public static ServiceClock startedAt(Instant at) {
        return new ServiceClock(List.of(new Run(at, null)));
    }

    public boolean running() {
        return !runs.isEmpty() && runs.get(runs.size() - 1).running();
    }

    /** Pauses (waiting on the customer) or stops (resolved) a running clock; a stopped clock stays as it is. */
    public ServiceClock stoppedAt(Instant at) {
        if (!running()) {
            return this;
        }
        List<Run> changed = new ArrayList<>(runs);
        Run last = changed.remove(changed.size() - 1);
        changed.add(new Run(last.from(), at.isBefore(last.from()) ? last.from() : at));
        return new ServiceClock(changed);
    }

    /** Resumes after a pause, or after a reopen; a running clock stays as it is. */
    public ServiceClock resumedAt(Instant at) {
        if (running()) {
            return this;
        }
        List<Run> changed = new ArrayList<>(runs);
        changed.add(new Run(at, null));
        return new ServiceClock(changed);
    }

    /** Business time the clock has run up to {@code now}. */
    public Duration taken(BusinessCalendar calendar, Instant now) {
        Duration total = Duration.ZERO;
        for (Run run : runs) {
            Instant end = run.running() || run.to().isAfter(now) ? now : run.to();
            total = total.plus(calendar.businessTimeBetween(run.from(), end));
        }
        return total;
    }

    /**
     * When {@code target} of business time is (or was) reached: in the past for a breach; projected forward
     * from now while running. Empty while paused or stopped short of the target — nothing is due then.
     */
    public Optional<Instant> dueAt(BusinessCalendar calendar, Duration target) {
        Duration left = target;
        for (Run run : runs) {
            Instant reached = calendar.addBusinessTime(run.from(), left);
            if (run.running() || !reached.isAfter(run.to())) {
                return Optional.of(reached);
            }
            left = left.minus(calendar.businessTimeBetween(run.from(), run.to()));
        }
        return Optional.empty();
    }

    /**
     * The due time to tell people: {@link #dueAt} when there is one; while paused, when the target would be
     * reached if the clock ran again from {@code now} — so a pause moves the date rather than hiding it.
     */
    public Instant projectedDueAt(BusinessCalendar calendar, Duration target, Instant now) {
        return dueAt(calendar, target).orElseGet(() -> calendar.addBusinessTime(now, target.minus(taken(calendar, now))));
    }
}

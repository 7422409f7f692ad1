package io.civicdesk.requests;

import io.civicdesk.platform.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long after a request is resolved its resident may say "not fixed", which reopens it: one period for the
 * whole council, in calendar days from the moment it was resolved ({@code NOT_FIXED_DAYS}, 14 when unset).
 */
public record NotFixedWindow(int days) {
    public static final NotFixedWindow DEFAULT = new NotFixedWindow(14);

    public NotFixedWindow {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("NOT_FIXED_DAYS must be 1 to 365 days, not " + days);
        }
    }

    public static NotFixedWindow fromConfig() {
        String days = Config.optional("NOT_FIXED_DAYS");
        return days == null ? DEFAULT : new NotFixedWindow(Integer.parseInt(days.strip()));
    }

    /** Until when the resident may say it is not fixed: only while it is resolved (not closed). */
    public Optional<Instant> until(ServiceRequest request) {
        Instant resolved = request.handling().resolvedAt();
        if (!Workflow.RESOLVED.equals(request.status()) || resolved == null) {
            return Optional.empty();
        }
        return Optional.of(resolved.plus(Duration.ofDays(days)));
    }
}

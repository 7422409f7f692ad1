package io.civicdesk.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value kept for a while in a warm container. For data that changes rarely and is read on every request
 * (the council and its calendar), so each submission pays for it once every few minutes, not every time.
 */
public final class Cached<T> {
    private final Supplier<T> loader;
    private final Duration keepFor;
    private final Clock clock;
    private T value;
    private Instant loadedAt;

    public Cached(Supplier<T> loader, Duration keepFor, Clock clock) {
        this.loader = loader;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    public synchronized T get() {
        Instant now = clock.instant();
        if (value == null || now.isAfter(loadedAt.plus(keepFor))) {
            value = loader.get();
            loadedAt = now;
        }
        return value;
    }
}

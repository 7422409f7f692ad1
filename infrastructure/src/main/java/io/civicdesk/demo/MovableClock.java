package io.civicdesk.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock set by hand, for driving the real services through time: the demo writes each step of its requests'
 * past at that step's moment, and tests move through a working day.
 */
public final class MovableClock extends Clock {
    private final ZoneId zone;
    private volatile Instant now;

    public MovableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}

package io.civicdesk.local;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An event source the local stack plays by polling ({@link StreamPoller}: a table's stream; {@link ObjectPoller}:
 * a bucket's new objects): {@link #poll} every {@value #INTERVAL_MILLIS} ms, a failure logged and tried again next time.
 */
abstract class EventSourcePoller {
    static final long INTERVAL_MILLIS = 250;

    void start(ScheduledExecutorService executor) {
        executor.scheduleWithFixedDelay(this::pollLogged, 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void pollLogged() {
        try {
            poll();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                System.err.println(name() + ": " + failure() + ": " + e);
            }
        }
    }

    abstract void poll();

    /** The function and event, for the log. */
    abstract String name();

    /** What failed, for the log: "reading the stream failed". */
    abstract String failure();
}

package io.civicdesk.local.handlers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What the test handlers received, by function name, for the tests to wait on. */
public final class Recorded {
    private static final Map<String, BlockingQueue<String>> EVENTS = new ConcurrentHashMap<>();

    private Recorded() {
    }

    static void add(String function, String event) {
        queue(function).add(event);
    }

    /** The next event the function received, waiting up to {@code timeout}; null if none came. */
    public static String next(String function, Duration timeout) throws InterruptedException {
        return queue(function).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public static void clear(String function) {
        queue(function).clear();
    }

    private static BlockingQueue<String> queue(String function) {
        return EVENTS.computeIfAbsent(function, name -> new LinkedBlockingQueue<>());
    }
}

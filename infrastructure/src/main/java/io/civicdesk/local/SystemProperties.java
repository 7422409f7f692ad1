package io.civicdesk.local;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * JVM system properties standing in for a stack's environment (one JVM cannot give each function its own
 * environment variables). All changes go through one JVM-wide lock, so a handler is always constructed with
 * its own stack's configuration, even while another stack is open in the same JVM (a test's shared stack and a
 * test's own).
 */
final class SystemProperties {
    private static final Object LOCK = new Object();

    private final Map<String, String> values;

    SystemProperties(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Sets them all; returns what they replaced (null where nothing was set), for {@link #restore}. */
    Map<String, String> apply() {
        synchronized (LOCK) {
            Map<String, String> replaced = new HashMap<>();
            values.forEach((name, value) -> replaced.put(name, System.setProperty(name, value)));
            return replaced;
        }
    }

    static void restore(Map<String, String> replaced) {
        synchronized (LOCK) {
            replaced.forEach((name, previous) -> {
                if (previous == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, previous);
                }
            });
        }
    }

    /** Runs {@code action} with these properties set, then puts back what was there. */
    <T> T during(Callable<T> action) throws Exception {
        synchronized (LOCK) {
            Map<String, String> replaced = apply();
            try {
                return action.call();
            } finally {
                restore(replaced);
            }
        }
    }
}

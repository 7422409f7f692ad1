package io.civicdesk.platform;

/**
 * Configuration by name. Lambda gives it as environment variables; the local stack runs every handler in one
 * JVM and cannot set environment variables, so it sets JVM system properties of the same names instead.
 */
public final class Config {
    private Config() {
    }

    public static String require(String name) {
        String value = optional(name);
        if (value == null) {
            throw new IllegalStateException("Missing configuration " + name);
        }
        return value;
    }

    public static String optional(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value;
    }
}

package io.civicdesk.local.template;

import java.util.List;
import java.util.Map;

/** Typed access to parsed YAML, failing with the place in the template rather than a ClassCastException. */
final class Values {
    private Values() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + " should be a mapping");
    }

    static List<?> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(where + " should be a list");
    }

    /** A literal scalar: the local stack does not evaluate intrinsic functions in these places. */
    static String string(Object value, String where) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException(where + " should be a literal value"
                + (value == null ? "" : ", not " + value));
    }

    static String string(Map<String, Object> map, String key, String where, String fallback) {
        return map.containsKey(key) ? string(map.get(key), where + "." + key) : fallback;
    }

    static int integer(Map<String, Object> map, String key, String where, int fallback) {
        return Integer.parseInt(string(map, key, where, Integer.toString(fallback)));
    }
}

package io.civicdesk.requests;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** How urgent a request is. Every request starts {@link #NORMAL}; staff change it. It filters the queue, it does not reorder it. */
public enum Priority {
    LOW("low"), NORMAL("normal"), HIGH("high"), URGENT("urgent");

    private final String wireName;

    Priority(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<Priority> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(priority -> priority.wireName.equals(wireName)).findFirst();
    }
}

package io.civicdesk.requests;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** How a resident asked to hear back. */
public enum PreferredChannel {
    EMAIL("email"), SMS("sms"), PHONE("phone"), NONE("none");

    private final String wireName;

    PreferredChannel(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<PreferredChannel> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(channel -> channel.wireName.equals(wireName)).findFirst();
    }
}

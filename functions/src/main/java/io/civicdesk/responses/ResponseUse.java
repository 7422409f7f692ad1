package io.civicdesk.responses;

import java.util.Arrays;
import java.util.Optional;

/** Where an officer is offered a template: writing to a resident about a request, or acknowledging or answering a complaint. */
public enum ResponseUse {
    REQUEST("request"),
    COMPLAINT_ACKNOWLEDGEMENT("complaint-acknowledgement"),
    COMPLAINT_ANSWER("complaint-answer");

    private final String wireName;

    ResponseUse(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ResponseUse> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(use -> use.wireName.equals(wireName)).findFirst();
    }
}

package io.civicdesk.search;

import java.util.Arrays;
import java.util.Optional;

/** What a resident did with an article, as the article page and the report form tell it. */
public enum KnowledgeEvent {
    HELPFUL("helpful", "helpful"),
    NOT_HELPFUL("not-helpful", "notHelpful"),
    READ("read", "read"),
    /** Opened in this tab, then sent a report all the same: the article did not settle it. */
    REPORTED_AFTER_READING("reported-after-reading", "reportedAfterReading");

    private final String code;
    private final String counter;

    KnowledgeEvent(String code, String counter) {
        this.code = code;
        this.counter = counter;
    }

    public String code() {
        return code;
    }

    /** The name of its daily counter. */
    public String counter() {
        return counter;
    }

    public static Optional<KnowledgeEvent> of(String code) {
        return Arrays.stream(values()).filter(event -> event.code.equals(code)).findFirst();
    }
}

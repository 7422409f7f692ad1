package io.civicdesk.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

public enum QuestionType {
    SHORT_TEXT("short-text", 200),
    LONG_TEXT("long-text", 2000),
    NUMBER("number", 0),
    DATE("date", 0),
    SINGLE_CHOICE("single-choice", 0),
    MULTIPLE_CHOICE("multiple-choice", 0);

    private final String wireName;
    private final int defaultMaxLength;

    QuestionType(String wireName, int defaultMaxLength) {
        this.wireName = wireName;
        this.defaultMaxLength = defaultMaxLength;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public int defaultMaxLength() {
        return defaultMaxLength;
    }

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public static QuestionType fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown question type " + wireName));
    }
}

package io.civicdesk.open311;

import java.util.Arrays;
import java.util.Optional;

/** The two formats GeoReport v2 answers in, chosen by the suffix of the document asked for (services.xml). */
public enum Format {
    JSON("json", "application/json; charset=utf-8"),
    XML("xml", "text/xml; charset=utf-8");

    private final String suffix;
    private final String contentType;

    Format(String suffix, String contentType) {
        this.suffix = suffix;
        this.contentType = contentType;
    }

    public String suffix() {
        return suffix;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<Format> ofSuffix(String suffix) {
        return Arrays.stream(values()).filter(format -> format.suffix.equals(suffix)).findFirst();
    }
}

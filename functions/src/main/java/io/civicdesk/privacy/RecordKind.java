package io.civicdesk.privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of record a retention period is set for, each with the period a fresh deployment starts with (the
 * catalogue file's {@code retention:} section, or an administrator, sets the council's own).
 */
public enum RecordKind {
    REQUESTS("requests", "Service requests", "from when the request was resolved or closed", 2557),
    COMPLAINTS("complaints", "Complaints and their reviews", "from when the complaint was answered", 2557),
    FEEDBACK("feedback", "Compliments and suggestions", "from when it was received", 730),
    BOOKINGS("bookings", "Facility bookings", "from the end of the booking's last occurrence", 730),
    SURVEY_COMMENTS("survey-comments", "Survey comments", "from when the survey was answered", 730),
    COUNTER_ANSWERS("counter-answers", "Counter tablet comments", "from when the comment was left", 365),
    MAILS("mails", "Mails sent to residents and staff", "from when the mail was written", 90),
    PHOTOS("photos", "Photos", "from when the request was resolved or closed", 365);

    /** The shortest and longest periods an administrator may set, in days. */
    public static final int MIN_DAYS = 7;
    public static final int MAX_DAYS = 36_525;

    private final String wireName;
    private final String label;
    private final String countedFrom;
    private final int defaultDays;

    RecordKind(String wireName, String label, String countedFrom, int defaultDays) {
        this.wireName = wireName;
        this.label = label;
        this.countedFrom = countedFrom;
        this.defaultDays = defaultDays;
    }

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    public String countedFrom() {
        return countedFrom;
    }

    public int defaultDays() {
        return defaultDays;
    }

    public static Optional<RecordKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}

package io.civicdesk.agencyissues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The account manager's note of a meeting with an agency — seed 001's unstructured feedback: a forum, a service
 * meeting ("review performance by examining service delivery against agreed standards"), or a review of the
 * agreement — who attended, what was said, and the actions agreed.
 *
 * @param actions null when none were agreed
 */
public record MeetingNote(String agencyId, String id, LocalDate held, Kind kind, List<String> attendees, String notes,
                          String actions, String recordedBy, Instant recordedAt) {

    public MeetingNote {
        attendees = List.copyOf(attendees);
    }

    public enum Kind {
        FORUM("forum"), SERVICE_MEETING("service meeting"), REVIEW("review");

        private final String spoken;

        Kind(String spoken) {
            this.spoken = spoken;
        }

        public String spoken() {
            return spoken;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Kind> fromWireName(String text) {
            return Arrays.stream(values()).filter(kind -> kind.wireName().equals(text)).findFirst();
        }
    }
}

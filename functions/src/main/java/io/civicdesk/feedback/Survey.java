package io.civicdesk.feedback;

import io.civicdesk.platform.Refusal;

import java.time.Instant;

/**
 * The survey offered after a request was resolved or a booking took place. Only hashes of secrets are kept: the
 * survey link's own, and the request's (or booking's) private link's (its holder may answer too, from the
 * tracking page). For a booking the facility stands as the service. {@code answer} is null until the one answer
 * arrives.
 */
public record Survey(Subject subject, String reference, String serviceId, String serviceName, String unitId, Instant invitedAt,
                     String surveySecretHash, String requestSecretHash, Instant answeredAt, SurveyAnswer answer) {

    /** What a survey is about. Requests and bookings draw references independently, so each has its own keys. */
    public enum Subject {
        REQUEST("request"), BOOKING("booking");

        private final String wireName;

        Subject(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** From the survey link's {@code for}: absent means a request (the links mailed before bookings had surveys). */
        public static Subject of(String wireName) {
            if (wireName == null || wireName.isBlank() || REQUEST.wireName.equals(wireName)) {
                return REQUEST;
            }
            if (BOOKING.wireName.equals(wireName)) {
                return BOOKING;
            }
            throw Refusal.notFound("There is no such survey. Check you used the link in your email.");
        }
    }

    public boolean open() {
        return answer == null;
    }
}

package io.civicdesk.feedback;

import java.time.Instant;

/**
 * The survey offered after a request was resolved. Only hashes of secrets are kept: the survey link's own, and
 * the request's private link's (its holder may answer too, from the tracking page). {@code answer} is null
 * until the one answer arrives.
 */
public record Survey(String reference, String serviceId, String serviceName, String unitId, Instant invitedAt,
                     String surveySecretHash, String requestSecretHash, Instant answeredAt, SurveyAnswer answer) {

    public boolean open() {
        return answer == null;
    }
}

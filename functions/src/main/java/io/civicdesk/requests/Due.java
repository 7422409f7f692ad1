package io.civicdesk.requests;

import io.civicdesk.sla.ServiceLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a request is due for next, and when: the one place that decides it, for the queue's order, its due-soon
 * and overdue filters, and the staff page. Its first response until it has one, then its resolution, at the due
 * times its service-level clock gives (while paused, projected from the pause).
 *
 * @param kind {@code response} or {@code resolution}
 * @param date the day it falls on in the request's time zone
 */
public record Due(String kind, LocalDate date, Instant at) {
    public static final String RESPONSE = "response";
    public static final String RESOLUTION = "resolution";

    /** Null when the request is finished (in a final status): nothing is due. */
    public static Due of(ServiceRequest request) {
        if (request.handling().finishedAt() != null) {
            return null;
        }
        ServiceLevel level = request.serviceLevel();
        boolean responded = level.respondedAt() != null;
        Instant at = responded ? level.resolutionDueAt() : level.responseDueAt();
        return new Due(responded ? RESOLUTION : RESPONSE, at.atZone(ZoneId.of(request.timeZone())).toLocalDate(), at);
    }
}

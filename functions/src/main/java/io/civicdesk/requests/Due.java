package io.civicdesk.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a request is due for next, and when: the one place that decides it, for the queue's order, its due-soon
 * and overdue filters, and the staff page.
 *
 * <p>Today: its response is due (the date promised to the resident) until it is acknowledged, then its
 * resolution; either falls due at the end of the promised day in the request's time zone. The service-level
 * work replaces this with due times counted on the business clock (pausing while waiting on the customer);
 * only {@link #of} changes then.
 *
 * @param kind {@code response} or {@code resolution}
 */
public record Due(String kind, LocalDate date, Instant at) {
    public static final String RESPONSE = "response";
    public static final String RESOLUTION = "resolution";

    /** Null when the request is finished (in a final status): nothing is due. */
    public static Due of(ServiceRequest request) {
        if (request.handling().finishedAt() != null) {
            return null;
        }
        boolean acknowledged = request.handling().acknowledgedAt() != null;
        LocalDate date = acknowledged ? request.expected().resolution() : request.expected().response();
        return new Due(acknowledged ? RESOLUTION : RESPONSE, date, endOf(request, date));
    }

    /** When the first response falls due, whatever the request's state now. */
    public static Instant responseDueAt(ServiceRequest request) {
        return endOf(request, request.expected().response());
    }

    /** When the resolution falls due, whatever the request's state now. */
    public static Instant resolutionDueAt(ServiceRequest request) {
        return endOf(request, request.expected().resolution());
    }

    private static Instant endOf(ServiceRequest request, LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneId.of(request.timeZone())).toInstant();
    }
}

package io.civicdesk.requests;

import io.civicdesk.sla.ExpectedDates;

import java.time.Instant;
import java.util.List;

/**
 * A request as stored. It keeps the service's name and questions as they were when it was made, the time
 * zone its dates are in, and only a hash of the private link's secret. {@code channel} is how it reached the
 * council (online, phone, counter, email, field); {@code handling} what staff have done with it since.
 */
public record ServiceRequest(Reference reference, String serviceId, String serviceName, String unitId,
                             String status, Instant submittedAt, String timeZone, ExpectedDates expected,
                             List<Answer> answers, Location location, String description, Contact contact,
                             PreferredChannel preferredChannel, String channel, String secretHash, long version,
                             Handling handling) {
    public ServiceRequest {
        answers = List.copyOf(answers);
        handling = handling == null ? Handling.received(null) : handling;
    }

    /** The same request after a change: its status, unit and handling as given, its version one on. */
    public ServiceRequest changed(String newStatus, String newUnitId, Handling newHandling) {
        return new ServiceRequest(reference, serviceId, serviceName, newUnitId, newStatus, submittedAt, timeZone,
                expected, answers, location, description, contact, preferredChannel, channel, secretHash,
                version + 1, newHandling);
    }
}

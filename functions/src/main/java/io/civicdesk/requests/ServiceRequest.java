package io.civicdesk.requests;

import io.civicdesk.sla.ExpectedDates;

import java.time.Instant;
import java.util.List;

/**
 * A request as stored. It keeps the service's name and questions as they were when it was made, the time
 * zone its dates are in, and only a hash of the private link's secret.
 */
public record ServiceRequest(Reference reference, String serviceId, String serviceName, String unitId,
                             String status, Instant submittedAt, String timeZone, ExpectedDates expected,
                             List<Answer> answers, Location location, String description, Contact contact,
                             PreferredChannel preferredChannel, String channel, String secretHash, long version) {
    public ServiceRequest {
        answers = List.copyOf(answers);
    }
}

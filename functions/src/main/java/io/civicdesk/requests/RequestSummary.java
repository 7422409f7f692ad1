package io.civicdesk.requests;

import io.civicdesk.sla.ExpectedDates;

/**
 * What anyone holding a reference may know about a request: never who made it or what they wrote. {@code onHold}
 * while it waits on the resident: its clock is paused, and the expected dates move on when work resumes.
 */
public record RequestSummary(String reference, String displayReference, ServiceName service, String status,
                             String statusLabel, String submittedAt, ExpectedDates expected, String timeZone,
                             boolean onHold) {

    public record ServiceName(String id, String name) {
    }

    public static RequestSummary of(ServiceRequest request) {
        return new RequestSummary(request.reference().value(), request.reference().display(),
                new ServiceName(request.serviceId(), request.serviceName()), request.status(),
                RequestStatus.label(request.status()), request.submittedAt().toString(), request.expected(),
                request.timeZone(), request.handling().paused());
    }
}

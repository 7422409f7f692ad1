package io.civicdesk.requests;

import io.civicdesk.catalog.Service;
import io.civicdesk.sla.ServiceLevel;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.sla.ServiceLevels;

import java.time.Instant;

/**
 * Keeps a request's service-level clock in step with what happens to it: started under its policy when it
 * arrives, moved along by each change, and put under another policy when its priority changes.
 */
public final class Timing {
    private final ServiceLevels levels;

    public Timing(ServiceLevels levels) {
        this.levels = levels;
    }

    public ServiceLevels levels() {
        return levels;
    }

    /** The policy for a request of {@code service} at {@code priority}. */
    public ServiceLevelPolicy policyFor(Service service, Priority priority) {
        return levels.policyFor(service.id(), priority.wireName(), service.responseDays(), service.resolutionDays());
    }

    /** A request arriving now, at normal priority. */
    public ServiceLevel start(Service service, Instant at) {
        return levels.start(policyFor(service, Priority.NORMAL), at);
    }

    /**
     * {@code after} with its clock moved by the change from {@code before}: a public update is news to the
     * resident and, like acknowledging, the first response.
     */
    public ServiceRequest moved(ServiceRequest after, Instant at, boolean publicUpdate) {
        Handling handling = after.handling();
        ServiceLevel level = after.serviceLevel();
        return after.timed(level.moved(levels.calendar(level), at, new ServiceLevel.Progress(
                handling.acknowledgedAt() != null || publicUpdate, handling.paused(), handling.finishedAt() != null,
                publicUpdate)));
    }

    /** {@code request} measured from now on against the policy for its service at its new priority. */
    public ServiceRequest repriced(ServiceRequest request, Service service, Instant at) {
        ServiceLevel level = request.serviceLevel();
        ServiceLevelPolicy policy = policyFor(service, request.handling().priority());
        return policy.equals(level.policy()) ? request
                : request.timed(level.underPolicy(policy, levels.calendar(level), at));
    }
}

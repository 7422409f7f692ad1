package io.civicdesk.requests;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.Service;
import io.civicdesk.sla.ServiceLevel;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.sla.ServiceLevels;

import java.time.Instant;

/**
 * Keeps a request's service-level clock in step with what happens to it: started under its policy when it
 * arrives, moved along by each change, and put under another policy when its priority changes. A request made
 * for a client agency is held to the agency's agreement where it has its own target ({@link AgreedTargets}).
 */
public final class Timing {
    private final ServiceLevels levels;
    private final AgreedTargets agreed;

    public Timing(ServiceLevels levels, AgreedTargets agreed) {
        this.levels = levels;
        this.agreed = agreed;
    }

    public AgreedTargets agreed() {
        return agreed;
    }

    public ServiceLevels levels() {
        return levels;
    }

    /**
     * The policy for a request of {@code service} at {@code priority}, made for {@code agencyId} (null: none) and
     * arriving at {@code arrivedAt}: the agreement in force that day is the one that applies.
     */
    public ServiceLevelPolicy policyFor(Service service, Priority priority, String agencyId, Instant arrivedAt) {
        ServiceLevelPolicy standard = levels.policyFor(service.id(), priority.wireName(), service.responseDays(),
                service.resolutionDays());
        return agreed.policyFor(agencyId, service.id(), priority.wireName(),
                arrivedAt.atZone(levels.councilCalendar().zone()).toLocalDate(), standard);
    }

    /** A request arriving now for {@code agencyId} (null: none), at normal priority. */
    public ServiceLevel start(Service service, String agencyId, Instant at) {
        return levels.start(policyFor(service, Priority.NORMAL, agencyId, at), at);
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
        ServiceLevelPolicy policy = policyFor(service, request.handling().priority(), request.agencyId(), request.submittedAt());
        return policy.equals(level.policy()) ? request
                : request.timed(level.underPolicy(policy, levels.calendar(level), at));
    }
}

package io.civicdesk.agencies;

import io.civicdesk.platform.Cached;
import io.civicdesk.sla.ServiceLevelPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agency's part in choosing a request's targets: under the agreement in force the day it arrives, a service
 * the agreement covers is held to the agreement's own target for it (and its priority), or to the provider's
 * standard — the policy the council's own order chose — when the agreement says so or does not cover it. The
 * policy chosen is recorded on the request like any policy, its id naming the agency and agreement version.
 * Each agency's versions are kept a few minutes per container.
 */
public class AgreedTargets {
    /** For wiring that takes no agency's requests: there is no agency, every request gets the standard. */
    public static final AgreedTargets NONE = new AgreedTargets();
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final AgencyStore store;
    private final Clock clock;
    private final Map<String, Cached<Optional<List<Agreement>>>> kept = new ConcurrentHashMap<>();

    public AgreedTargets(AgencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private AgreedTargets() {
        this.store = null;
        this.clock = null;
    }

    /** Whether there is an agency of this id (a request naming one that is not is refused). */
    public boolean serves(String agencyId) {
        return versions(agencyId).isPresent();
    }

    public ServiceLevelPolicy policyFor(String agencyId, String serviceId, String priority, LocalDate day,
                                        ServiceLevelPolicy standard) {
        if (agencyId == null) {
            return standard;
        }
        return versions(agencyId).flatMap(versions -> Agreement.inForce(versions, day))
                .flatMap(agreement -> agreement.targetFor(serviceId, priority)
                        .filter(target -> !target.standard())
                        .map(target -> new ServiceLevelPolicy(
                                "agreement:" + agencyId + ":" + agreement.version() + ":" + serviceId
                                        + (target.priority() == null ? "" : ":" + target.priority()),
                                standard.order(), serviceId, target.priority(), target.firstResponse(), target.resolution(),
                                standard.keepInformed(), standard.warningPercents(), standard.calendarId())))
                .orElse(standard);
    }

    private Optional<List<Agreement>> versions(String agencyId) {
        if (store == null || agencyId == null) {
            return Optional.empty();
        }
        return kept.computeIfAbsent(agencyId, id -> new Cached<>(() -> store.agency(id).map(agency -> store.agreements(id)),
                KEEP, clock)).get();
    }
}

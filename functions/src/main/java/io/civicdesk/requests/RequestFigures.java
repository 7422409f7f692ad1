package io.civicdesk.requests;

import io.civicdesk.figures.FiguresStore;
import io.civicdesk.platform.Write;
import io.civicdesk.sla.ServiceLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a request's creation or change adds to the service-level figures ({@link FiguresStore}), as writes for the
 * same transaction, so the figures count exactly the changes that were saved. Counted under the request's unit at
 * the time and the council day the change happened and, for a client agency's request, under the agency too, with
 * the agency's count of open requests moved as it arrives, finishes or reopens; and referrals between units, per
 * pair of units and day ({@link io.civicdesk.figures.ReferralFiguresStore}).
 */
public class RequestFigures {
    /** Counts nothing: for wiring that keeps no figures (a demo, a test of something else). */
    public static final RequestFigures NONE = new RequestFigures() {
        @Override
        public List<Write> created(ServiceRequest request) {
            return List.of();
        }

        @Override
        public List<Write> changed(ServiceRequest before, ServiceRequest after, Instant at) {
            return List.of();
        }

        @Override
        List<Write> referral(Referral referral, LocalDate day, List<String> counters) {
            return List.of();
        }
    };

    private final FiguresStore store;

    public RequestFigures(FiguresStore store) {
        this.store = Objects.requireNonNull(store);
    }

    private RequestFigures() {
        this.store = null;
    }

    /**
     * A new request: received; one resolved at first contact was also answered and resolved there and then (its
     * handling records both), in no business time.
     */
    public List<Write> created(ServiceRequest request) {
        List<FiguresStore.Change> changes = new ArrayList<>();
        changes.add(new FiguresStore.Received(request.channel()));
        if (request.handling().resolvedAtFirstContact()) {
            changes.add(new FiguresStore.Responded(0, true));
            changes.add(new FiguresStore.Resolved(0, true, true));
        }
        return writes(request, request.submittedAt(), changes, request.handling().finishedAt() == null ? 1 : 0);
    }

    /**
     * A change: the first response once per request, and each move into resolved — a reopened request resolved
     * again counts again, as each resolution is work the unit did in that period. Times and whether each target
     * was met are the request's own service-level clock's.
     */
    public List<Write> changed(ServiceRequest before, ServiceRequest after, Instant at) {
        List<FiguresStore.Change> changes = new ArrayList<>();
        ServiceLevel level = after.serviceLevel();
        if (before.serviceLevel().respondedAt() == null && level.respondedAt() != null) {
            changes.add(new FiguresStore.Responded(level.responseMinutes(), level.responseMet()));
            if (!level.responseMet()) {
                changes.add(new FiguresStore.ResponseBreached());
            }
        }
        if (SubmitRequestService.RESOLVED.equals(after.status()) && !SubmitRequestService.RESOLVED.equals(before.status())) {
            changes.add(new FiguresStore.Resolved(level.resolutionMinutes(), level.resolutionMet(), false));
            if (!level.resolutionMet()) {
                changes.add(new FiguresStore.ResolutionBreached());
            }
        }
        boolean wasOpen = before.handling().finishedAt() == null;
        boolean isOpen = after.handling().finishedAt() == null;
        return writes(after, at, changes, wasOpen == isOpen ? 0 : isOpen ? 1 : -1);
    }

    /** A referral made or answered on {@code day}: {@code counters} of its pair of units, one each. */
    List<Write> referral(Referral referral, LocalDate day, List<String> counters) {
        return List.of(Write.update("referral-figures",
                store.referrals().count(referral.fromUnitId(), referral.toUnitId(), day, counters)));
    }

    private List<Write> writes(ServiceRequest request, Instant at, List<FiguresStore.Change> changes) {
        return writes(request, at, changes, 0);
    }

    /**
     * {@code openChange}: +1 when the request became open (arrived, or reopened), -1 when it finished, for its
     * agency's backlog.
     */
    private List<Write> writes(ServiceRequest request, Instant at, List<FiguresStore.Change> changes, int openChange) {
        List<Write> writes = new ArrayList<>();
        LocalDate day = at.atZone(ZoneId.of(request.timeZone())).toLocalDate();
        String agencyId = request.agencyId();
        if (!changes.isEmpty()) {
            // One update for all of them: they land on the same day's item, which a transaction may touch only once.
            writes.add(Write.update("figures", store.update(request.unitId(), request.serviceId(), day, changes)));
            if (agencyId != null) {
                writes.add(Write.update("agency-figures", store.agencyUpdate(agencyId, request.serviceId(), day, changes)));
            }
        }
        if (agencyId != null && openChange != 0) {
            writes.add(Write.update("agency-open", store.agencyOpenUpdate(agencyId, request.serviceId(), openChange)));
        }
        return writes;
    }
}

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
 * the time and the council day the change happened.
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
        return writes(request, request.submittedAt(), changes);
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
        return writes(after, at, changes);
    }

    private List<Write> writes(ServiceRequest request, Instant at, List<FiguresStore.Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        LocalDate day = at.atZone(ZoneId.of(request.timeZone())).toLocalDate();
        // One update for all of them: they land on the same day's item, which a transaction may touch only once.
        return List.of(Write.update("figures", store.update(request.unitId(), request.serviceId(), day, changes)));
    }
}

package io.civicdesk.requests;

import io.civicdesk.reports.FiguresStore;
import io.civicdesk.sla.BusinessCalendar;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a request's creation or change adds to the service-level figures ({@link FiguresStore}), as writes for the
 * same transaction, so the figures count exactly the changes that were saved. Counted under the request's unit at
 * the time and the council day the change happened.
 */
public final class RequestFigures {
    /** Counts nothing: for wiring that keeps no figures. */
    public static final RequestFigures NONE = new RequestFigures(null, () -> null);

    private final FiguresStore store;
    private final Supplier<BusinessCalendar> calendar;

    public RequestFigures(FiguresStore store, Supplier<BusinessCalendar> calendar) {
        this.store = store;
        this.calendar = calendar;
    }

    /**
     * A new request: received; one resolved at first contact was also answered and resolved there and then (its
     * handling records both), in no business time.
     */
    public List<TransactWriteItem> created(ServiceRequest request) {
        if (store == null) {
            return List.of();
        }
        List<FiguresStore.Change> changes = new ArrayList<>();
        changes.add(new FiguresStore.Received(request.channel()));
        if (request.handling().resolvedAtFirstContact()) {
            changes.add(new FiguresStore.Responded(0, true));
            changes.add(new FiguresStore.Resolved(0, true, true));
        }
        return writes(request, request.submittedAt(), changes);
    }

    /**
     * A change: the first response (acknowledgement) once per request, and each move into resolved — a reopened
     * request resolved again counts again, as each resolution is work the unit did in that period.
     */
    public List<TransactWriteItem> changed(ServiceRequest before, ServiceRequest after, Instant at) {
        if (store == null) {
            return List.of();
        }
        List<FiguresStore.Change> changes = new ArrayList<>();
        if (before.handling().acknowledgedAt() == null && after.handling().acknowledgedAt() != null) {
            boolean inTime = !at.isAfter(Due.responseDueAt(after));
            changes.add(new FiguresStore.Responded(businessMinutes(after, at), inTime));
            if (!inTime) {
                changes.add(new FiguresStore.ResponseBreached());
            }
        }
        if (SubmitRequestService.RESOLVED.equals(after.status()) && !SubmitRequestService.RESOLVED.equals(before.status())) {
            boolean inTime = !at.isAfter(Due.resolutionDueAt(after));
            changes.add(new FiguresStore.Resolved(businessMinutes(after, at), inTime, false));
            if (!inTime) {
                changes.add(new FiguresStore.ResolutionBreached());
            }
        }
        return writes(after, at, changes);
    }

    private double businessMinutes(ServiceRequest request, Instant at) {
        return calendar.get().businessTimeBetween(request.submittedAt(), at).toSeconds() / 60.0;
    }

    private List<TransactWriteItem> writes(ServiceRequest request, Instant at, List<FiguresStore.Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        LocalDate day = at.atZone(ZoneId.of(request.timeZone())).toLocalDate();
        // One update for all of them: they land on the same day's item, which a transaction may touch only once.
        return List.of(TransactWriteItem.builder()
                .update(store.update(request.unitId(), request.serviceId(), day, changes)).build());
    }
}

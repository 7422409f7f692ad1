package io.civicdesk.requests;

import io.civicdesk.catalog.ReferralTargets;
import io.civicdesk.catalog.Unit;
import io.civicdesk.catalog.Units;
import io.civicdesk.figures.ReferralFiguresStore;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.Write;
import io.civicdesk.requests.StaffAction.Kind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Referring a request to another unit, and that unit's answer: accepted (the request moves to its queue) or sent
 * back as wrongly referred. A referral is timed by the agreement between the two units ({@link ReferralTargets})
 * on the council's business calendar, recorded in the request's history, and counted per pair of units and day
 * ({@link ReferralFiguresStore}) in the same transaction. The reasons, officers' own words, are kept on the referral
 * alone, not copied into the history, so there is one place to erase them from.
 */
final class Referrals {
    private final Changes changes;
    private final Units units;
    private final Supplier<ReferralTargets> targets;
    private final ReferralStore store;
    private final RequestFigures figures;

    Referrals(Changes changes, Units units, Supplier<ReferralTargets> targets, ReferralStore store, RequestFigures figures) {
        this.changes = changes;
        this.units = units;
        this.targets = targets;
        this.store = store;
        this.figures = figures;
    }

    /** The referral waiting for an answer, if there is one: the latest, when it is pending. */
    static Optional<Referral> pending(RequestRecord record) {
        List<Referral> referrals = record.referrals();
        return referrals.isEmpty() ? Optional.empty()
                : Optional.of(referrals.get(referrals.size() - 1)).filter(r -> r.status() == Referral.Status.PENDING);
    }

    /** The unit whose officers may take the action: the receiving unit answers a referral, the request's unit does the rest. */
    static String actingUnit(Kind kind, ServiceRequest request, Optional<Referral> pending) {
        boolean answer = kind == Kind.ACCEPT_REFERRAL || kind == Kind.SEND_BACK;
        return answer && pending.isPresent() ? pending.get().toUnitId() : request.unitId();
    }

    /** The referral actions {@code caller} may take on the request now. */
    static List<Kind> allowed(StaffCaller caller, ServiceRequest request, Optional<Referral> pending) {
        if (request.handling().finishedAt() != null) {
            return List.of();
        }
        if (pending.isEmpty()) {
            return mayActFor(caller, request.unitId()) ? List.of(Kind.REFER) : List.of();
        }
        return mayActFor(caller, pending.get().toUnitId()) ? List.of(Kind.ACCEPT_REFERRAL, Kind.SEND_BACK) : List.of();
    }

    private static boolean mayActFor(StaffCaller caller, String unitId) {
        try {
            caller.requireUnit(unitId);
            return true;
        } catch (Refusal e) {
            return false;
        }
    }

    Change change(Acting acting, Optional<Referral> pending) {
        ServiceRequest request = acting.request();
        if (request.handling().finishedAt() != null) {
            throw acting.notAllowed("It is " + acting.workflow().label(request.status())
                    + ": reopen it before referring it or answering a referral.");
        }
        if (acting.action().kind() == Kind.REFER) {
            return refer(acting, pending);
        }
        Referral waiting = pending.orElseThrow(() -> acting.notAllowed("It is not referred to anyone: there is nothing to "
                + (acting.action().kind() == Kind.ACCEPT_REFERRAL ? "accept." : "send back.")));
        return acting.action().kind() == Kind.ACCEPT_REFERRAL ? accept(acting, waiting) : sendBack(acting, waiting);
    }

    private Change refer(Acting acting, Optional<Referral> pending) {
        ServiceRequest request = acting.request();
        if (pending.isPresent()) {
            throw acting.notAllowed("It is already referred to " + pending.get().toUnitName()
                    + ", who have not answered yet.");
        }
        String toUnitId = acting.action().unitId();
        Unit to = units.unit(toUnitId).orElseThrow(() -> Refusal.invalid("unitId", "There is no unit " + toUnitId
                + ". Units: " + String.join(", ", units.all().stream().map(Unit::id).toList()) + "."));
        if (to.id().equals(request.unitId())) {
            throw Refusal.invalid("unitId", "It is already in " + to.name() + ". Refer it to another unit.");
        }
        Duration target = targets.get().target(request.unitId(), to.id());
        Instant due = units.serviceLevels().councilCalendar().addBusinessTime(acting.now(), target);
        Referral referral = new Referral(acting.now(), request.unitId(), units.name(request.unitId()), to.id(), to.name(),
                acting.action().reason(), acting.by(), target.toMinutes(), due, Referral.Status.PENDING, null, null, null);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("referredTo", to.id());
        after.put("targetHours", Long.toString(target.toHours()));
        after.put("dueAt", due.toString());
        Change change = changes.internal(acting, request.changed(request.status(), request.unitId(), request.handling()),
                acting.entry("referral", Map.of("unit", request.unitId()), after, null, null));
        List<Write> writes = new ArrayList<>(store.made(request.reference(), request.serviceName(), referral));
        writes.addAll(counted(referral, acting.now(), request, List.of(ReferralFiguresStore.REFERRED)));
        return change.with(referral, writes);
    }

    private Change accept(Acting acting, Referral waiting) {
        ServiceRequest request = acting.request();
        Referral accepted = waiting.answered(Referral.Status.ACCEPTED, acting.by(), acting.now(), null);
        Map<String, String> after = new LinkedHashMap<>();
        after.put("unit", waiting.toUnitId());
        after.put("answeredInTime", accepted.answeredInTime().toString());
        // It joins the receiving unit's queue unassigned: the unit decides who takes it.
        Change change = changes.internal(acting, request.changed(request.status(), waiting.toUnitId(),
                        request.handling().withAssignee(null)),
                acting.entry("referral-accepted", Map.of("unit", waiting.fromUnitId()), after, null, null));
        return answered(change, request, accepted, ReferralFiguresStore.ACCEPTED);
    }

    private Change sendBack(Acting acting, Referral waiting) {
        ServiceRequest request = acting.request();
        Referral sentBack = waiting.answered(Referral.Status.SENT_BACK, acting.by(), acting.now(), acting.action().reason());
        Map<String, String> after = new LinkedHashMap<>();
        after.put("wronglyReferred", "true");
        after.put("answeredInTime", sentBack.answeredInTime().toString());
        Change change = changes.internal(acting, request.changed(request.status(), request.unitId(), request.handling()),
                acting.entry("referral-sent-back", Map.of("referredTo", waiting.toUnitId()), after, null, null));
        return answered(change, request, sentBack, ReferralFiguresStore.SENT_BACK);
    }

    private Change answered(Change change, ServiceRequest request, Referral referral, String how) {
        List<String> counters = new ArrayList<>(List.of(how));
        if (referral.answeredInTime()) {
            counters.add(ReferralFiguresStore.ANSWERED_IN_TIME);
        }
        List<Write> writes = new ArrayList<>(store.answered(request.reference(), referral));
        writes.addAll(counted(referral, referral.answeredAt(), request, counters));
        return change.with(referral, writes);
    }

    /** Counted under the pair, on the council day it happened. */
    private List<Write> counted(Referral referral, Instant at, ServiceRequest request, List<String> counters) {
        return figures.referral(referral, at.atZone(ZoneId.of(request.timeZone())).toLocalDate(), counters);
    }
}

package io.civicdesk.requests;

import io.civicdesk.catalog.Unit;
import io.civicdesk.catalog.Units;
import io.civicdesk.directory.Directory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.platform.Refusal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who handles a request and how urgently: assigning it to an officer of its unit (or to no one), referring it to
 * another unit, and changing its priority (which moves its due times).
 */
final class Assignment {
    private final Changes changes;
    private final Directory directory;
    private final Units units;

    Assignment(Changes changes, Directory directory, Units units) {
        this.changes = changes;
        this.directory = directory;
        this.units = units;
    }

    Change priority(Acting acting) {
        ServiceRequest request = acting.request();
        Priority priority = acting.action().priority();
        if (priority == request.handling().priority()) {
            throw acting.notAllowed("It is already " + priority.wireName() + " priority.");
        }
        ServiceRequest after = changes.timing().repriced(request.changed(request.status(), request.unitId(),
                request.handling().withPriority(priority)), units.service(request.serviceId()), acting.now());
        return changes.internal(acting, after, acting.entry("priority",
                Map.of("priority", request.handling().priority().wireName()), Map.of("priority", priority.wireName()),
                null, null));
    }

    /** To an officer, to no one, or to another unit (a referral, which leaves it unassigned unless an officer is named). */
    Change assign(Acting acting) {
        ServiceRequest request = acting.request();
        StaffAction action = acting.action();
        String unitId = action.unitId() == null ? request.unitId() : action.unitId();
        if (units.unit(unitId).isEmpty()) {
            throw Refusal.invalid("unitId", "There is no unit " + unitId + ". Units: "
                    + String.join(", ", units.all().stream().map(Unit::id).toList()) + ".");
        }
        boolean referral = !unitId.equals(request.unitId());
        Actor assignee = referral ? null : request.handling().assignee();
        if (action.officerId() != null) {
            assignee = officer(action.officerId(), unitId, referral);
        } else if (action.officerIdGiven()) {
            assignee = null;
        }
        Actor current = request.handling().assignee();
        if (!referral && Objects.equals(idOf(current), idOf(assignee))) {
            throw acting.notAllowed(assignee == null ? "It is not assigned to anyone."
                    : "It is already assigned to " + assignee.name() + ".");
        }
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        if (referral) {
            before.put("unit", request.unitId());
            after.put("unit", unitId);
        }
        before.put("assigneeId", idOf(current));
        before.put("assignee", current == null ? null : current.name());
        after.put("assigneeId", idOf(assignee));
        after.put("assignee", assignee == null ? null : assignee.name());
        return changes.internal(acting, request.changed(request.status(), unitId, request.handling().withAssignee(assignee)),
                acting.entry(referral ? "refer" : "assign", before, after, null, null));
    }

    /** The officer named, if they still work here and in the unit the request is (or is going) to. */
    private Actor officer(String officerId, String unitId, boolean referral) {
        StaffMember member = directory.member(officerId).orElseThrow(() -> Refusal.invalid("officerId",
                "There is no member of staff " + officerId + "."));
        if (!member.enabled()) {
            throw Refusal.invalid("officerId", member.name() + " no longer works here. Assign it to someone who does.");
        }
        if (!unitId.equals(member.unitId())) {
            String where = member.unitId() == null ? "across units" : "in " + units.name(member.unitId());
            throw Refusal.invalid("officerId", member.name() + " works " + where + ", not in " + units.name(unitId)
                    + ". Assign it to an officer of " + units.name(unitId) + (referral ? "." : ", or refer it to their unit."));
        }
        return new Actor(member.id(), member.name());
    }

    private static String idOf(Actor actor) {
        return actor == null ? null : actor.id();
    }
}

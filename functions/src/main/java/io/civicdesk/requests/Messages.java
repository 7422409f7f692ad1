package io.civicdesk.requests;

/** Words on a request that leave its status as it is: a note for staff, or a public message for the resident. */
final class Messages {
    private final Changes changes;

    Messages(Changes changes) {
        this.changes = changes;
    }

    /** A note only staff see. */
    Change note(Acting acting) {
        ServiceRequest request = acting.request();
        return changes.internal(acting, request.changed(request.status(), request.unitId(), request.handling()),
                acting.entry("note", null, null, null, null));
    }

    /** A public update, mailed to the resident and the residents who follow the request by email. */
    Change message(Acting acting) {
        ServiceRequest request = acting.request();
        String message = acting.action().publicMessage();
        return changes.of(acting, request.changed(request.status(), request.unitId(), request.handling()),
                acting.entry("message", null, null, message, Intake.delivery(request)), message,
                request.handling().followers(), acting.workflow().label(request.status()));
    }
}

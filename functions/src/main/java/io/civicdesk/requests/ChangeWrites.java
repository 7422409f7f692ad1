package io.civicdesk.requests;

import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.Write;

import java.util.ArrayList;
import java.util.List;

/**
 * Every write of a staff action, for one transaction: the requests' own, their mail, its other items, what it adds to the figures,
 * and what other capabilities write when it resolves the request (not when it stays resolved).
 */
final class ChangeWrites {
    private final Requests requests;
    private final OutboxStore outbox;
    private final RequestFigures figures;
    private final RequestActions.OnResolved onResolved;

    ChangeWrites(Requests requests, OutboxStore outbox, RequestFigures figures, RequestActions.OnResolved onResolved) {
        this.requests = requests;
        this.outbox = outbox;
        this.figures = figures;
        this.onResolved = onResolved;
    }

    List<Write> of(ServiceRequest before, Change change) {
        List<Write> writes = new ArrayList<>();
        change.writes().forEach(write -> writes.addAll(requests.changed(write)));
        change.mails().forEach(mail -> writes.add(outbox.pending("mail", mail, change.at())));
        writes.addAll(change.also());
        ServiceRequest after = change.own().after();
        writes.addAll(figures.changed(before, after, change.at()));
        if (Workflow.RESOLVED.equals(after.status()) && !Workflow.RESOLVED.equals(before.status())) {
            writes.addAll(onResolved.writes(after, change.at()));
        }
        return writes;
    }
}

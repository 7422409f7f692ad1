package io.civicdesk.staff;

import io.civicdesk.requests.RequestView;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.civicdesk.requests.Actor;
import io.civicdesk.requests.Due;
import io.civicdesk.requests.RequestStatus;
import io.civicdesk.requests.QueueStore.QueueEntry;

import java.time.Instant;

/**
 * One row of the work queue (docs/staff-api.md). Open rows carry what is due; finished rows when they finished (the
 * other null). {@code warning} is set once an officer has been warned: {@code at-risk}, {@code breached} or
 * {@code news-due}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record QueueItem(String reference, String displayReference, RequestView.Named service, String unitId,
                        String status, String statusLabel, boolean paused, String priority, Actor assignee,
                        Instant submittedAt, Due due, Boolean overdue, Boolean dueSoon, Instant finishedAt,
                        String address, String channel, String warning) {

    static QueueItem of(QueueEntry entry, Instant now) {
        String display = entry.reference().substring(0, 4) + "-" + entry.reference().substring(4);
        boolean open = entry.finishedAt() == null;
        Due due = open && entry.dueAt() != null ? new Due(entry.dueKind(), entry.dueDate(), entry.dueAt()) : null;
        return new QueueItem(entry.reference(), display, new RequestView.Named(entry.serviceId(), entry.serviceName()),
                entry.unitId(), entry.status(), RequestStatus.label(entry.status()), entry.paused(),
                entry.priority().wireName(), entry.assignee(), entry.submittedAt(), due,
                open ? overdue(entry, now) : null, open ? dueSoon(entry, now) : null, entry.finishedAt(),
                entry.address(), entry.channel(), open ? entry.warning() : null);
    }

    static boolean overdue(QueueEntry entry, Instant now) {
        return !entry.paused() && entry.dueAt() != null && entry.dueAt().isBefore(now);
    }

    static boolean dueSoon(QueueEntry entry, Instant now) {
        return !entry.paused() && entry.dueAt() != null && !entry.dueAt().isBefore(now)
                && entry.dueAt().isBefore(now.plus(RequestView.DUE_SOON));
    }
}

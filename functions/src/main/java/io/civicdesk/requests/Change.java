package io.civicdesk.requests;

import io.civicdesk.notify.Mail;

import java.time.Instant;
import java.util.List;

/** A staff action ready to save: the requests it writes (the one acted on first), its mail, and when it happened. */
record Change(List<RequestChange> writes, List<Mail> mails, Instant at) {
    RequestChange own() {
        return writes.get(0);
    }
}

package io.civicdesk.payments;

/** A webhook that is not believed: its signature does not match, its timestamp is outside the tolerance, or it is unreadable. */
public final class WebhookRefused extends RuntimeException {
    public enum Reason { BAD_SIGNATURE, REPLAY, UNREADABLE }

    private final Reason reason;

    public WebhookRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

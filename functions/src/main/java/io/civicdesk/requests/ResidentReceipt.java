package io.civicdesk.requests;

/**
 * The answer to a resident's or follower's change: where the request now stands for them.
 *
 * @param outcome what happened: replied, added, reopened (not fixed), following-pending, following, unfollowed
 */
public record ResidentReceipt(String reference, String displayReference, String status, String statusLabel,
                              String outcome) {
    static ResidentReceipt of(ServiceRequest request, String label, String outcome) {
        return new ResidentReceipt(request.reference().value(), request.reference().display(), request.status(),
                label, outcome);
    }
}

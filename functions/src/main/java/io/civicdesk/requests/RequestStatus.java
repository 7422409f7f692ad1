package io.civicdesk.requests;

import java.util.Map;

/** The words a resident sees for a status. Workflows name statuses; this only labels them. */
public final class RequestStatus {
    public static final String RECEIVED = "received";

    private static final Map<String, String> LABELS = Map.of(
            RECEIVED, "Received",
            "acknowledged", "Acknowledged",
            "in-progress", "In progress",
            "waiting-on-customer", "Waiting for your reply",
            "resolved", "Resolved",
            "closed", "Closed");

    private RequestStatus() {
    }

    public static String label(String status) {
        String label = LABELS.get(status);
        if (label != null) {
            return label;
        }
        String words = status.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

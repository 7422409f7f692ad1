package io.civicdesk.requests;

import java.util.List;
import java.util.Set;

/**
 * How a request reached the council: a resident's own report online, one another app sent through Open311, or one
 * an officer logged for a caller or walk-in, with the channel it came by and whether the officer resolved it there
 * and then.
 */
public record Intake(String channel, Actor loggedBy, boolean resolvedAtFirstContact, String resolution) {
    public static final Intake ONLINE = new Intake("online", null, false, null);
    /** A report another app sent on a resident's behalf through the Open311 GeoReport v2 API. */
    public static final Intake OPEN311 = new Intake("open311", null, false, null);
    /** The channels an officer logs a request from. */
    public static final List<String> STAFF_CHANNELS = List.of("phone", "counter", "email", "field");
    static final int MAX_RESOLUTION = 2000;

    public boolean onBehalf() {
        return loggedBy != null;
    }

    /** How a public update reaches the resident, by the channel they chose (a text needs a number that takes texts). */
    public static String delivery(ServiceRequest request) {
        return switch (request.preferredChannel()) {
            case EMAIL -> "email";
            case SMS -> ResidentTexts.wanted(request) ? "text" : "officer-to-text";
            case PHONE -> "officer-to-call";
            case NONE -> "none";
        };
    }

    static final Set<String> CHANNELS = Set.of("online", "phone", "counter", "email", "field", "open311");
}

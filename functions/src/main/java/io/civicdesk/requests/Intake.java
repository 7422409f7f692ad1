package io.civicdesk.requests;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.FieldError;

import java.util.List;
import java.util.Set;

/**
 * How a request reached the council: a resident's own report online, or one an officer logged for a caller or
 * walk-in, with the channel it came by and whether the officer resolved it there and then.
 */
public record Intake(String channel, Actor loggedBy, boolean resolvedAtFirstContact, String resolution) {
    public static final Intake ONLINE = new Intake("online", null, false, null);
    /** The channels an officer logs a request from. */
    public static final List<String> STAFF_CHANNELS = List.of("phone", "counter", "email", "field");
    static final int MAX_RESOLUTION = 2000;

    public boolean onBehalf() {
        return loggedBy != null;
    }

    /**
     * Reads the fields an officer adds to a resident's report: {@code channel}, {@code resolvedAtFirstContact}
     * and, when that is true, {@code resolution}. Problems are added to {@code errors}; null when there were any.
     */
    public static Intake read(JsonNode body, Actor officer, List<FieldError> errors) {
        int before = errors.size();
        JsonNode channelNode = body.path("channel");
        String channel = channelNode.isTextual() ? channelNode.asText().strip() : null;
        if (channel == null || !STAFF_CHANNELS.contains(channel)) {
            errors.add(new FieldError("channel", "Say how the request reached you: phone, counter, email or field."));
        }
        JsonNode firstContact = body.path("resolvedAtFirstContact");
        boolean resolved = false;
        if (!firstContact.isMissingNode() && !firstContact.isNull()) {
            if (!firstContact.isBoolean()) {
                errors.add(new FieldError("resolvedAtFirstContact", "resolvedAtFirstContact must be true or false."));
            } else {
                resolved = firstContact.asBoolean();
            }
        }
        JsonNode resolutionNode = body.path("resolution");
        String resolution = resolutionNode.isTextual() ? resolutionNode.asText().strip() : null;
        if (!resolutionNode.isMissingNode() && !resolutionNode.isNull() && !resolutionNode.isTextual()) {
            errors.add(new FieldError("resolution", "The resolution must be text."));
        } else if (resolved && (resolution == null || resolution.isEmpty())) {
            errors.add(new FieldError("resolution", "Say how you resolved it: the resident is told this."));
        } else if (resolution != null && resolution.codePointCount(0, resolution.length()) > MAX_RESOLUTION) {
            errors.add(new FieldError("resolution", "The resolution must be " + String.format("%,d", MAX_RESOLUTION)
                    + " characters or fewer."));
        } else if (!resolved && resolution != null && !resolution.isEmpty()) {
            errors.add(new FieldError("resolution", "A resolution goes with resolvedAtFirstContact: true. "
                    + "Leave it out, or say it was resolved at first contact."));
        }
        return errors.size() > before ? null : new Intake(channel, officer, resolved, resolved ? resolution : null);
    }

    /** How a public update reaches a resident who chose this channel. */
    public static String delivery(PreferredChannel channel) {
        return switch (channel) {
            case EMAIL -> "email";
            case SMS -> "officer-to-text";
            case PHONE -> "officer-to-call";
            case NONE -> "none";
        };
    }

    static final Set<String> CHANNELS = Set.of("online", "phone", "counter", "email", "field");
}

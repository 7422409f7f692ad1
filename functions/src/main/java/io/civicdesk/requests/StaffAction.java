package io.civicdesk.requests;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * One change an officer asks for ({@code POST /staff/requests/{reference}/actions}), read and checked on its own;
 * whether the request's state and workflow allow it is {@link RequestActions}'s to say.
 *
 * @param officerIdGiven true when the body named {@code officerId}, even as null (unassign)
 * @param reason         why it is referred to another unit, or why that unit sends it back (wrongly referred)
 */
public record StaffAction(Kind kind, long expectedVersion, String status, String publicMessage, String note,
                          String officerId, boolean officerIdGiven, String unitId, Priority priority,
                          Reference originalReference, String resolution, String reason) {
    public static final int MAX_PUBLIC_MESSAGE = 2000;
    public static final int MAX_REASON = 1000;
    public static final int MAX_NOTE = 4000;

    /** Each action by its wire name, and the fields it takes besides {@code action} and {@code expectedVersion}. */
    public enum Kind {
        ACKNOWLEDGE("acknowledge", "publicMessage", "note"),
        ASSIGN("assign", "officerId", "unitId", "note"),
        STATUS("status", "status", "publicMessage", "note"),
        MESSAGE("message", "publicMessage"),
        NOTE("note", "note"),
        PRIORITY("priority", "priority", "note"),
        DUPLICATE("duplicate", "originalReference", "publicMessage", "note"),
        RESOLVE("resolve", "resolution", "note"),
        CLOSE("close", "publicMessage", "note"),
        REOPEN("reopen", "status", "publicMessage", "note"),
        REFER("refer", "unitId", "reason", "note"),
        ACCEPT_REFERRAL("accept-referral", "note"),
        SEND_BACK("send-back", "reason", "note");

        private final String wireName;
        private final Set<String> fields;

        Kind(String wireName, String... fields) {
            this.wireName = wireName;
            this.fields = Set.of(fields);
        }

        public String wireName() {
            return wireName;
        }

        /** The fields it takes besides {@code action} and {@code expectedVersion}. */
        public Set<String> fields() {
            return fields;
        }

        public static Optional<Kind> fromWireName(String wireName) {
            return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst();
        }
    }
}

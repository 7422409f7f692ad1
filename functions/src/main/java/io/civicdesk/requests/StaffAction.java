package io.civicdesk.requests;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One change an officer asks for ({@code POST /staff/requests/{reference}/actions}), read and checked on its own;
 * whether the request's state and workflow allow it is {@link RequestActions}'s to say.
 *
 * @param officerIdGiven true when the body named {@code officerId}, even as null (unassign)
 */
public record StaffAction(String action, long expectedVersion, String status, String publicMessage, String note,
                          String officerId, boolean officerIdGiven, String unitId, Priority priority,
                          Reference originalReference, String resolution) {
    public static final int MAX_PUBLIC_MESSAGE = 2000;
    public static final int MAX_NOTE = 4000;

    /** Each action and the fields it takes besides {@code action} and {@code expectedVersion}. */
    static final Map<String, Set<String>> FIELDS = fields();

    private static Map<String, Set<String>> fields() {
        Map<String, Set<String>> fields = new LinkedHashMap<>();
        fields.put("acknowledge", Set.of("publicMessage", "note"));
        fields.put("assign", Set.of("officerId", "unitId", "note"));
        fields.put("status", Set.of("status", "publicMessage", "note"));
        fields.put("message", Set.of("publicMessage"));
        fields.put("note", Set.of("note"));
        fields.put("priority", Set.of("priority", "note"));
        fields.put("duplicate", Set.of("originalReference", "publicMessage", "note"));
        fields.put("resolve", Set.of("resolution", "note"));
        fields.put("close", Set.of("publicMessage", "note"));
        fields.put("reopen", Set.of("status", "publicMessage", "note"));
        return Collections.unmodifiableMap(fields);
    }
}

package io.civicdesk.requests;

import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaffActionTest {
    private static StaffAction read(Map<String, Object> body) {
        return StaffActionReader.read(Json.MAPPER.valueToTree(body));
    }

    private static List<String> refused(Map<String, Object> body) {
        Refusal e = assertThrows(Refusal.class, () -> read(body));
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anUnknownActionIsRefusedNamingTheActions() {
        Refusal e = assertThrows(Refusal.class, () -> read(Map.of("action", "delete", "expectedVersion", 1)));
        assertEquals("action", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("acknowledge"));
    }

    @Test
    void everyActionNeedsTheVersionTheOfficerSaw() {
        assertEquals(List.of("expectedVersion"), refused(Map.of("action", "note", "note", "x")));
        assertEquals(List.of("expectedVersion"), refused(Map.of("action", "note", "note", "x", "expectedVersion", "3")));
        assertEquals(List.of("expectedVersion"), refused(Map.of("action", "note", "note", "x", "expectedVersion", 0)));
    }

    @Test
    void anEmptyPublicUpdateIsRefused() {
        assertEquals(List.of("publicMessage"), refused(Map.of("action", "message", "expectedVersion", 1, "publicMessage", "   ")));
        assertEquals(List.of("publicMessage"), refused(Map.of("action", "message", "expectedVersion", 1)));
        assertEquals(List.of("publicMessage"), refused(Map.of("action", "status", "status", "in-progress",
                "expectedVersion", 1, "publicMessage", "")));
    }

    @Test
    void aNoteOverFourThousandCharactersIsRefusedSayingTheLimit() {
        Refusal e = assertThrows(Refusal.class, () -> read(Map.of("action", "note", "expectedVersion", 1,
                "note", "x".repeat(StaffAction.MAX_NOTE + 1))));
        assertEquals("note", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("4,000"), e.errors().get(0).message());
        assertEquals(StaffAction.MAX_NOTE, read(Map.of("action", "note", "expectedVersion", 1,
                "note", "x".repeat(StaffAction.MAX_NOTE))).note().length());
    }

    @Test
    void aFieldTheActionDoesNotTakeIsRefused() {
        assertEquals(List.of("priority"), refused(Map.of("action", "note", "expectedVersion", 1, "note", "x", "priority", "high")));
    }

    @Test
    void assignTakesAnOfficerANullToUnassignOrAUnit() {
        StaffAction officer = read(Map.of("action", "assign", "expectedVersion", 2, "officerId", "demo-officer-waste"));
        assertEquals("demo-officer-waste", officer.officerId());
        StaffAction none = StaffActionReader.read(Json.parseBody("{\"action\": \"assign\", \"expectedVersion\": 2, \"officerId\": null}"));
        assertTrue(none.officerIdGiven());
        assertNull(none.officerId());
        StaffAction referral = read(Map.of("action", "assign", "expectedVersion", 2, "unitId", "roads"));
        assertFalse(referral.officerIdGiven());
        assertEquals("roads", referral.unitId());
        assertEquals(List.of("officerId"), refused(Map.of("action", "assign", "expectedVersion", 2)));
    }

    @Test
    void priorityAndDuplicateReadTheirValues() {
        assertEquals(Priority.URGENT, read(Map.of("action", "priority", "expectedVersion", 1, "priority", "urgent")).priority());
        assertEquals(List.of("priority"), refused(Map.of("action", "priority", "expectedVersion", 1, "priority", "asap")));
        assertEquals("K7MP3QXR", read(Map.of("action", "duplicate", "expectedVersion", 1, "originalReference", "k7mp-3qxr"))
                .originalReference().value());
        assertEquals(List.of("originalReference"), refused(Map.of("action", "duplicate", "expectedVersion", 1, "originalReference", "nope")));
    }

    @Test
    void resolveNeedsAResolutionAndStatusNeedsAStatus() {
        assertEquals(List.of("resolution"), refused(Map.of("action", "resolve", "expectedVersion", 1)));
        assertEquals(List.of("status"), refused(Map.of("action", "status", "expectedVersion", 1)));
    }
}

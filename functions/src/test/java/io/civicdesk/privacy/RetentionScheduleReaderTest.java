package io.civicdesk.privacy;

import io.civicdesk.platform.FieldError;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An administrator's schedule, a resident searched for, and which records are due: each mistake named by its field. */
class RetentionScheduleReaderTest {

    private static List<String> fields(String body) {
        Refusal refused = assertThrows(Refusal.class, () -> RetentionScheduleReader.read(Json.parseBody(body)));
        assertEquals(400, refused.status());
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aPeriodIsAWholeNumberOfDaysInRangeForAKnownKind() {
        assertEquals(List.of("days.requests", "days.mails", "days.letters"),
                fields("{\"expectedVersion\": 2, \"days\": {\"requests\": 6, \"mails\": 90.5, \"letters\": 30}}"));
        assertEquals(List.of("expectedVersion", "days"), fields("{\"days\": {}}"));
        assertEquals(List.of("days.photos"), fields("{\"expectedVersion\": 0, \"days\": {\"photos\": \"365\"}}"));
        RetentionScheduleReader.Change change = RetentionScheduleReader.read(Json.parseBody(
                "{\"expectedVersion\": 2, \"days\": {\"requests\": 2557, \"photos\": 7}}"));
        assertEquals(Map.of(RecordKind.REQUESTS, 2557, RecordKind.PHOTOS, 7), change.days());
        assertEquals(2, change.expectedVersion());
    }

    @Test
    void aResidentIsFoundByEmailOrPhoneHoweverTheyWereWritten() {
        Subject subject = Subject.of(" Dana@Example.COM ", "+61 412 345 678");
        assertTrue(subject.matches("dana@example.com", null));
        assertTrue(subject.matches(null, "0412 345 678"));
        assertFalse(subject.matches("dan@example.com", "0412 345 679"));
        assertEquals(64, subject.hash().length());
        assertFalse(subject.hash().contains("dana"));
        assertEquals("email", assertThrows(Refusal.class, () -> Subject.of(null, null)).errors().get(0).field());
        assertEquals("phone", assertThrows(Refusal.class, () -> Subject.of(null, "12")).errors().get(0).field());
    }

    @Test
    void aFinishedRecordIsDueOncePastItsKindsPeriodAndAnOpenOneNeverUnlessErased() {
        Instant now = Instant.parse("2026-12-02T02:00:00Z");
        Cutoffs cutoffs = RetentionSchedule.defaults().cutoffs(now);
        assertTrue(cutoffs.due(RecordKind.MAILS, now.minusSeconds(91L * 86_400)));
        assertFalse(cutoffs.due(RecordKind.MAILS, now.minusSeconds(89L * 86_400)));
        assertFalse(cutoffs.due(RecordKind.REQUESTS, null), "an open request is never due");
        assertTrue(Cutoffs.everything(now).due(RecordKind.REQUESTS, null), "an erasure takes open records too");
        assertEquals(8, RetentionSchedule.defaults().days().size(), "every kind has a default period");
    }
}

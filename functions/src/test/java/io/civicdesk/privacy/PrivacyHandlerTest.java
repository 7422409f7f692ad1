package io.civicdesk.privacy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The privacy page's routes on in-memory stores: administrators only, the schedule's versions, runs in batches, subject access. */
class PrivacyHandlerTest {
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemorySchedules schedules = new InMemorySchedules();
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryAudit audit = new InMemoryAudit();
    private final InMemoryRecords requests = new InMemoryRecords();
    private final AuditTrail trail = new AuditTrail(audit, clock);
    private final PrivacyHandler handler = new PrivacyHandler(new Retention(schedules, runs, List.of(requests), clock),
            new SubjectAccess(List.of(requests), trail, clock), trail);

    private APIGatewayV2HTTPResponse asAdmin(String route, Object body) {
        return call(handler, event(route, Map.of(), body, "admin-1", "admin"));
    }

    @Test
    void everyoneButAnAdministratorIsTurnedAway() {
        assertEquals(401, call(handler, event("GET /staff/privacy/retention", Map.of(), null, null)).getStatusCode());
        for (String role : List.of("officer", "supervisor", "account-manager")) {
            assertEquals(403, call(handler, event("GET /staff/privacy/retention", Map.of(), null, "staff-1", role)).getStatusCode());
            assertEquals(403, call(handler, event("POST /staff/privacy/subjects/erase", Map.of(),
                    Map.of("email", "a@example.com", "confirm", true), "staff-1", role)).getStatusCode());
        }
        assertTrue(requests.records.isEmpty() && audit.entries.isEmpty(), "nothing read or written for them");
    }

    @Test
    void theDefaultsApplyUntilSavedAndASaveOverSomeoneElsesIsRefusedWithTheirs() {
        JsonNode page = json(asAdmin("GET /staff/privacy/retention", null));
        assertEquals(0, page.path("schedule").path("version").asLong());
        assertEquals(2557, page.path("schedule").path("kinds").get(0).path("days").asInt());
        APIGatewayV2HTTPResponse saved = asAdmin("PUT /staff/privacy/retention", Map.of("expectedVersion", 0, "days", Map.of("mails", 60)));
        assertEquals(200, saved.getStatusCode(), saved.getBody());
        assertEquals(60, schedules.current().daysFor(RecordKind.MAILS));
        assertEquals(2557, schedules.current().daysFor(RecordKind.REQUESTS), "a kind left out keeps its period");
        APIGatewayV2HTTPResponse stale = asAdmin("PUT /staff/privacy/retention", Map.of("expectedVersion", 0, "days", Map.of("mails", 30)));
        assertEquals(409, stale.getStatusCode());
        assertEquals(1, json(stale).path("current").path("version").asLong());
        APIGatewayV2HTTPResponse invalid = asAdmin("PUT /staff/privacy/retention", Map.of("expectedVersion", 1, "days", Map.of("mails", 1)));
        assertEquals(400, invalid.getStatusCode());
        assertTrue(names(invalid, "days.mails"), invalid.getBody());
    }

    @Test
    void aRunAnonymisesWhatIsPastItsPeriodAPageAtATimeAndRecordsIt() {
        for (int i = 0; i < 5; i++) {
            requests.add("OLD" + i, "old" + i + "@example.com", NOW.minus(Duration.ofDays(3000)));
        }
        requests.add("NEW0", "new@example.com", NOW.minus(Duration.ofDays(10)));
        requests.add("OPEN", "open@example.com", null);
        Retention retention = new Retention(schedules, runs, List.of(requests), clock);
        RetentionRun first = retention.run(new Retention.Batch(3, 1, Duration.ofMinutes(1)), "test");
        assertEquals(3, first.total());
        assertTrue(first.moreRemain());
        RetentionRun second = retention.run(new Retention.Batch(3, 10, Duration.ofMinutes(1)), "test");
        assertEquals(2, second.total());
        assertFalse(second.moreRemain());
        assertEquals(List.of("NEW0", "OPEN"), requests.records.values().stream().filter(r -> r.email != null).map(r -> r.reference).toList());
        JsonNode listed = json(asAdmin("GET /staff/privacy/retention", null)).path("runs");
        assertEquals(2, listed.size());
        assertEquals(2, listed.get(0).path("total").asInt(), "newest first");
    }

    @Test
    void anErasureAnonymisesTheResidentsRecordsWhateverTheirAgeAndTheAuditHoldsAHashNotTheEmail() {
        requests.add("OPEN", "dana@example.com", null);
        requests.add("OTHER", "someone@example.com", null);
        assertEquals(1, json(asAdmin("POST /staff/privacy/subjects/search", Map.of("email", "Dana@example.com"))).path("total").asInt());
        APIGatewayV2HTTPResponse refused = asAdmin("POST /staff/privacy/subjects/erase", Map.of("email", "dana@example.com"));
        assertTrue(names(refused, "confirm"), refused.getBody());
        JsonNode erased = json(asAdmin("POST /staff/privacy/subjects/erase", Map.of("email", "dana@example.com", "confirm", true)));
        assertEquals(1, erased.path("total").asInt(), erased.toString());
        assertEquals(null, requests.records.get("OPEN").email);
        assertEquals("someone@example.com", requests.records.get("OTHER").email);
        JsonNode entries = json(asAdmin("GET /staff/privacy/audit", null)).path("entries");
        assertEquals(List.of("erase", "search"), List.of(entries.get(0).path("action").asText(), entries.get(1).path("action").asText()));
        assertFalse(entries.toString().contains("dana"), entries.toString());
        assertEquals(Subject.of("dana@example.com", null).hash(), entries.get(0).path("subjectHash").asText());
    }

    @Test
    void theExportIsAlsoACsvWhoseValuesASpreadsheetNeverRuns() {
        requests.add("CSV1", "=cmd|x@example.com", null);
        APIGatewayV2HTTPResponse csv = asAdmin("POST /staff/privacy/subjects/export", Map.of("email", "=cmd|x@example.com", "format", "csv"));
        assertEquals(200, csv.getStatusCode(), csv.getBody());
        assertTrue(csv.getHeaders().get("content-type").startsWith("text/csv"), csv.getHeaders().toString());
        assertTrue(csv.getHeaders().get("content-disposition").contains("subject-access-export.csv"), csv.getHeaders().toString());
        assertEquals("kind,reference,field,value\r\nrequests,CSV1,email,'=cmd|x@example.com\r\n", csv.getBody());
        assertEquals("export", audit.entries.get(0).action(), "audited as the JSON export is");

        APIGatewayV2HTTPResponse json = asAdmin("POST /staff/privacy/subjects/export", Map.of("email", "=cmd|x@example.com"));
        assertEquals("=cmd|x@example.com", json(json).path("records").path("requests").get(0).path("email").asText(),
                "the JSON export keeps the value as it is");
        APIGatewayV2HTTPResponse refused = asAdmin("POST /staff/privacy/subjects/export", Map.of("email", "a@example.com", "format", "xml"));
        assertEquals(400, refused.getStatusCode());
        assertTrue(names(refused, "format"), refused.getBody());
    }

    /** One table of requests: a record is due when finished before the cutoff; anonymising forgets its email. */
    private static final class InMemoryRecords implements PersonalRecords {
        static final class Stored {
            final String reference;
            String email;
            final Instant finishedAt;

            Stored(String reference, String email, Instant finishedAt) {
                this.reference = reference;
                this.email = email;
                this.finishedAt = finishedAt;
            }
        }

        final Map<String, Stored> records = new LinkedHashMap<>();

        void add(String reference, String email, Instant finishedAt) {
            records.put(reference, new Stored(reference, email, finishedAt));
        }

        @Override
        public String name() {
            return "requests";
        }

        @Override
        public Page due(Cutoffs cutoffs, String startAfter, int pageSize) {
            List<Stored> all = new ArrayList<>(records.values());
            int from = startAfter == null ? 0 : Integer.parseInt(startAfter);
            int to = Math.min(all.size(), from + pageSize);
            List<Held> due = all.subList(from, to).stream().filter(r -> r.email != null && cutoffs.due(RecordKind.REQUESTS, r.finishedAt))
                    .map(InMemoryRecords::held).toList();
            return new Page(due, to < all.size() ? Integer.toString(to) : null, 0);
        }

        @Override
        public Outcome anonymise(Held record, Cutoffs cutoffs) {
            records.get(record.reference()).email = null;
            return Outcome.ANONYMISED;
        }

        /** Each record is found by its email as it stands: nothing to backfill. */
        @Override
        public Backfill backfill(String startAfter, int pageSize) {
            return new Backfill(0, null);
        }

        @Override
        public List<Held> holding(Subject subject, Set<String> related) {
            return records.values().stream().filter(r -> subject.matches(r.email, null)).map(InMemoryRecords::held).toList();
        }

        private static Held held(Stored stored) {
            return new Held(RecordKind.REQUESTS, stored.reference, stored.reference, 1, Map.of("email", String.valueOf(stored.email)));
        }
    }

    private static final class InMemorySchedules implements Schedules {
        private RetentionSchedule stored = RetentionSchedule.defaults();

        @Override
        public RetentionSchedule current() {
            return stored;
        }

        @Override
        public Optional<RetentionSchedule> save(Map<RecordKind, Integer> days, long expected, String by, Instant now) {
            if (expected != stored.version()) {
                return Optional.empty();
            }
            stored = new RetentionSchedule(days, expected + 1, now, by);
            return Optional.of(stored);
        }
    }

    private static final class InMemoryRuns implements Runs {
        private Cursors cursor = new Cursors(Cursor.START, Cursor.START);
        private final List<RetentionRun> recorded = new ArrayList<>();

        @Override
        public Cursors cursors() {
            return cursor;
        }

        @Override
        public void record(RetentionRun run, Cursors next) {
            recorded.add(0, run);
            cursor = next;
        }

        @Override
        public List<RetentionRun> latest(int limit) {
            return recorded.subList(0, Math.min(limit, recorded.size()));
        }
    }

    private static final class InMemoryAudit implements AuditLog {
        final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void add(AuditEntry entry) {
            entries.add(0, entry);
        }

        @Override
        public List<AuditEntry> month(YearMonth month, String staffId, String reference, int limit) {
            return entries.stream().filter(e -> staffId == null || staffId.equals(e.staffId()))
                    .filter(e -> reference == null || e.references().contains(reference)).limit(limit).toList();
        }
    }
}

package io.civicdesk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.civicdesk.bench.CallCounter;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention run, end to end on a stack of its own: records of every kind, some past a 30-day schedule and some
 * not; after the run nothing of the expired ones' residents is left in any table or index, the others are as they
 * were, and the figures and the review panel's totals are unchanged. The run works in bounded batches, and a
 * record changed since it was read is read again rather than overwritten.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionTest {
    /** What the expired records' residents typed: none of it may survive the run, anywhere. */
    private static final List<String> EXPIRED = List.of("Expiredsmith", "eunice.expired@example.com", "0412000111",
            "0412 000 111", "Forgotten", "EXPIRED-DESC-1", "EXPIRED-NOTE-1", "Oldfollower", "edgar.old@example.com",
            "EXPIRED-DESC-2", "Complainerold", "cora.old@example.com", "EXPIRED-COMPLAINT", "Feedbackold",
            "fred.old@example.com", "EXPIRED-COMPLIMENT", "EXPIRED-SURVEY-COMMENT", "EXPIRED-SMILEY", "Bookerold",
            "bella.old@example.com", "EXPIRED-PURPOSE", "EXPIRED-MAIL");
    /** What the unexpired records hold: all of it still there. */
    private static final List<String> KEPT = List.of("Recentlee", "ursula.recent@example.com", "RECENT-DESC-1",
            "Resolvedrecent", "RECENT-DESC-2", "RECENT-COMPLAINT", "RECENT-COMPLIMENT", "RECENT-SURVEY-COMMENT",
            "RECENT-SMILEY", "Bookernew", "RECENT-PURPOSE", "RECENT-MAIL");

    private static PrivacyStack stack;
    private static Reference expired;
    private static Reference kept;
    private static Reference resolvedRecently;

    @BeforeAll
    static void recordsOfEveryKindSomePastTheirPeriod() {
        stack = new PrivacyStack();
        expired = stack.report(60, "Eunice Expiredsmith", "eunice.expired@example.com", "0412 000 111",
                "7 Forgotten Way, Melaleuca WA 6999", "EXPIRED-DESC-1 deep hole");
        stack.act(expired, 59, Map.of("action", "note", "note", "EXPIRED-NOTE-1 called Eunice"));
        Reference duplicate = stack.report(59, "Edgar Oldfollower", "edgar.old@example.com", null,
                "9 Forgotten Way, Melaleuca WA 6999", "EXPIRED-DESC-2 same hole");
        stack.act(duplicate, 58, Map.of("action", "duplicate", "originalReference", expired.value()));
        stack.photo(expired, 58);
        stack.resolveAndClose(expired, 57);
        stack.survey(expired, 55, "EXPIRED-SURVEY-COMMENT slow");
        kept = stack.report(1, "Ursula Recentlee", "ursula.recent@example.com", null, "3 Current Street, Melaleuca WA 6999",
                "RECENT-DESC-1 new hole");
        resolvedRecently = stack.report(6, "Rhys Resolvedrecent", "rhys.recent@example.com", null,
                "4 Current Street, Melaleuca WA 6999", "RECENT-DESC-2 fixed hole");
        stack.photo(resolvedRecently, 6);
        stack.resolveAndClose(resolvedRecently, 5);
        stack.survey(resolvedRecently, 3, "RECENT-SURVEY-COMMENT quick");
        stack.complaint(90, 70, "Cora Complainerold", "cora.old@example.com", "EXPIRED-COMPLAINT rude");
        stack.complaint(90, null, "Carl Complainernew", "carl.new@example.com", "RECENT-COMPLAINT still open");
        stack.compliment(60, "Fred Feedbackold", "fred.old@example.com", "EXPIRED-COMPLIMENT thanks");
        stack.compliment(2, "Fay Feedbacknew", "fay.new@example.com", "RECENT-COMPLIMENT thanks");
        stack.smiley(45, "EXPIRED-SMILEY long queue");
        stack.smiley(1, "RECENT-SMILEY friendly");
        stack.booking(50, "booking", "Bella Bookerold", "bella.old@example.com", "EXPIRED-PURPOSE party");
        stack.booking(-10, "booking", "Ben Bookernew", "ben.new@example.com", "RECENT-PURPOSE meeting");
        stack.mail(80, "cora.old@example.com", "EXPIRED-MAIL your complaint");
        stack.mail(2, "carl.new@example.com", "RECENT-MAIL your complaint");
        stack.sendWaitingMail();
        Map<RecordKind, Integer> month = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            month.put(kind, 30);
        }
        ScheduleStore schedules = stack.privacy().schedules();
        assertEquals(1, schedules.current().version(), "the catalogue's schedule was seeded with the demo council");
        assertEquals(2557, schedules.current().daysFor(RecordKind.REQUESTS));
        assertTrue(schedules.save(month, 1, "privacy-admin", PrivacyStack.NOW).isPresent());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    @Order(1)
    void aSmallBatchLeavesMoreForTheNextRunWhichFinishes() {
        Retention retention = stack.privacy().retention();
        RetentionRun first = retention.run(new Retention.Batch(5, 1, Duration.ofMinutes(1)), "test");
        assertTrue(first.moreRemain(), "one page of five items cannot cover the tables");
        assertEquals(1, first.pages());
        RetentionRun rest = retention.run(new Retention.Batch(25, 10_000, Duration.ofMinutes(1)), "test");
        assertFalse(rest.moreRemain(), "the second run finishes where the first stopped");
        int total = first.total() + rest.total();
        Map<RecordKind, Integer> both = new EnumMap<>(RecordKind.class);
        first.anonymised().forEach((kind, n) -> both.merge(kind, n, Integer::sum));
        rest.anonymised().forEach((kind, n) -> both.merge(kind, n, Integer::sum));
        assertEquals(2, both.get(RecordKind.REQUESTS), "the expired request and its duplicate: " + both);
        assertOneEach(both, RecordKind.COMPLAINTS, RecordKind.FEEDBACK, RecordKind.SURVEY_COMMENTS, RecordKind.COUNTER_ANSWERS,
                RecordKind.BOOKINGS, RecordKind.PHOTOS);
        assertTrue(both.get(RecordKind.MAILS) >= 3, "the complaint's mail and both confirmations: " + both);
        assertTrue(first.answersDeleted() + rest.answersDeleted() >= 3, "the expired idempotency answers went too: "
                + first.answersDeleted() + " + " + rest.answersDeleted());
        assertEquals(total, stack.privacy().retention().overview(PrivacyStack.ADMIN).runs().stream()
                .mapToInt(RetentionRun::total).sum(), "both runs are recorded");
    }

    @Test
    @Order(2)
    void nothingOfTheExpiredResidentsIsLeftInAnyTableOrIndexAndTheRestIsUntouched() {
        List<String> everything = stack.everything();
        List<String> left = new ArrayList<>();
        for (String item : everything) {
            String lower = item.toLowerCase(Locale.ROOT);
            EXPIRED.stream().filter(needle -> lower.contains(needle.toLowerCase(Locale.ROOT))).forEach(needle -> left.add(needle + " in " + item));
        }
        assertEquals(List.of(), left);
        for (String needle : KEPT) {
            assertTrue(everything.stream().anyMatch(item -> item.contains(needle)), needle + " is still there");
        }
        JsonNode view = stack.staffView(kept);
        assertEquals("ursula.recent@example.com", view.path("resident").path("email").asText(), view.toString());
        assertEquals(List.of(), stack.photoObjects(expired), "the expired request's photo and thumbnail are deleted");
        assertTrue(everything.stream().noneMatch(item -> item.startsWith("PhotosTable: ") && item.contains("PHOTO#")
                        && item.contains(expired.value())),
                "and its record");
        assertEquals(2, stack.photoObjects(resolvedRecently).size(), "a photo within its period is kept");
    }

    @Test
    @Order(3)
    void theAnonymisedRequestKeepsWhatTheFiguresAndQueuesRead() {
        JsonNode view = stack.staffView(expired);
        assertEquals("closed", view.path("status").asText(), view.toString());
        assertEquals("pothole", view.path("service").path("id").asText());
        assertEquals("(removed)", view.path("description").asText());
        assertTrue(view.path("resident").path("email").isMissingNode() || view.path("resident").path("email").isNull(), view.toString());
        JsonNode last = view.path("history").get(view.path("history").size() - 1);
        assertEquals("anonymised", last.path("action").asText(), "the history says so");
    }

    @Test
    @Order(4)
    void figuresReviewPanelAndIndexKeysAreTheSameBeforeAndAfterAnErasure() {
        Reference erased = stack.report(3, "Tina Totals", "tina.totals@example.com", null, "1 Sum Street, Melaleuca WA 6999",
                "counted either way");
        stack.resolveAndClose(erased, 2);
        stack.survey(erased, 1, "counted comment");
        stack.sendWaitingMail();
        List<String> figuresBefore = figures();
        String panelBefore = panel();
        List<String> keysBefore = indexKeys();

        SubjectAccess.Erasure erasure = stack.privacy().subjectAccess().erase(PrivacyStack.ADMIN, Subject.of("tina.totals@example.com", null));
        assertEquals(1, erasure.erased().get(RecordKind.REQUESTS), erasure.toString());
        assertEquals(1, erasure.erased().get(RecordKind.SURVEY_COMMENTS), erasure.toString());
        assertTrue(erasure.erased().get(RecordKind.MAILS) >= 1, erasure.toString());

        assertEquals(figuresBefore, figures(), "every figure as it was");
        assertEquals(panelBefore, panel(), "the review panel's totals as they were");
        assertEquals(keysBefore, indexKeys(), "every queue, period and work index as it was (the Lookup terms go)");
        assertTrue(stack.everything().stream().noneMatch(item -> item.toLowerCase(Locale.ROOT).contains("tina")),
                "nothing of Tina's is left");
    }

    @Test
    @Order(5)
    void aRecordChangedSinceItWasReadIsReadAgainAndNotOverwritten() {
        Reference reopened = stack.report(50, "Olive Reopened", "olive.reopened@example.com", null,
                "2 Again Street, Melaleuca WA 6999", "reopened later");
        stack.resolveAndClose(reopened, 45);
        Reference noted = stack.report(50, "Nora Noted", "nora.noted@example.com", null, "5 Again Street, Melaleuca WA 6999",
                "noted later");
        stack.resolveAndClose(noted, 45);
        RequestRecordStore store = new RequestRecordStore(stack.dynamo, "RequestsTable");
        Cutoffs cutoffs = stack.privacy().schedules().current().cutoffs(PrivacyStack.NOW);
        List<PersonalRecords.Held> due = new ArrayList<>();
        String next = null;
        do {
            PersonalRecords.Page page = store.due(cutoffs, next, 100);
            due.addAll(page.due());
            next = page.next();
        } while (next != null);
        PersonalRecords.Held reopenedHeld = due.stream().filter(h -> h.reference().equals(reopened.value())).findFirst().orElseThrow();
        PersonalRecords.Held notedHeld = due.stream().filter(h -> h.reference().equals(noted.value())).findFirst().orElseThrow();

        stack.act(reopened, 0, Map.of("action", "reopen", "note", "The hole is back."));
        stack.act(noted, 0, Map.of("action", "note", "note", "Checked the repair."));

        assertEquals(PersonalRecords.Outcome.NO_LONGER_DUE, store.anonymise(reopenedHeld, cutoffs));
        assertEquals("olive.reopened@example.com", stack.staffView(reopened).path("resident").path("email").asText(),
                "reopened: open again, so its resident's details stay");
        assertEquals(PersonalRecords.Outcome.ANONYMISED_AFTER_CHANGE, store.anonymise(notedHeld, cutoffs));
        JsonNode noteView = stack.staffView(noted);
        assertEquals("(removed)", noteView.path("description").asText());
        assertTrue(noteView.path("history").toString().contains("note"), "the officer's change was kept, read again first");
    }

    @Test
    @Order(6)
    void anExportFindsTheResidentsRecordsOfEveryKindAndEachSearchExportAndReadIsAudited() {
        Reference request = stack.report(3, "Xena Exportable", "Xena.Export@example.com", "0413 222 333",
                "8 Export Road, Melaleuca WA 6999", "my own words");
        stack.resolveAndClose(request, 2);
        stack.survey(request, 1, "my survey comment");
        stack.complaint(4, null, "Xena Exportable", "xena.export@example.com", "my complaint");
        stack.compliment(4, "Xena Exportable", "xena.export@example.com", "my compliment");
        String booking = stack.booking(-3, "booking", "Xena Exportable", "xena.export@example.com", "my party");
        stack.sendWaitingMail();
        Subject xena = Subject.of(" xena.export@EXAMPLE.com ", null);

        SubjectAccess.Found found = stack.privacy().subjectAccess().export(PrivacyStack.ADMIN, xena);
        Map<RecordKind, Integer> counts = found.counts();
        assertOneEach(counts, RecordKind.REQUESTS, RecordKind.SURVEY_COMMENTS, RecordKind.COMPLAINTS, RecordKind.FEEDBACK,
                RecordKind.BOOKINGS);
        assertTrue(counts.get(RecordKind.MAILS) >= 1, "the request's confirmation: " + counts);
        String export = Json.write(PrivacyViews.export(found));
        for (String typed : List.of("my own words", "8 Export Road", "my survey comment", "my complaint", "my compliment",
                "my party", booking, request.value())) {
            assertTrue(export.contains(typed), typed + " is in the export: " + export);
        }
        assertTrue(stack.privacy().subjectAccess().search(PrivacyStack.ADMIN, Subject.of(null, "+61 413 222 333")).records()
                .stream().anyMatch(r -> r.reference().equals(request.value())), "the phone, written another way, finds the request too");

        stack.staffView(request);
        AuditTrail audit = stack.privacy().audit();
        List<AuditEntry> entries = audit.entries(PrivacyStack.ADMIN, null, null, request.value());
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("export") && e.subjectHash().equals(xena.hash())
                && e.count() == found.records().size()), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> e.action().equals("read") && e.kind().equals("request")
                && e.staffId().equals(PrivacyStack.ADMIN.id())), entries.toString());
        assertTrue(audit.entries(PrivacyStack.ADMIN, null, "someone-else", null).isEmpty(), "filtered by staff member");
        assertTrue(stack.everything().stream().filter(item -> item.contains("PRIVACY#AUDIT"))
                .noneMatch(item -> item.toLowerCase(Locale.ROOT).contains("xena")), "the audit never holds the resident's email");
    }

    @Test
    @Order(7)
    void aRunCostsOneScanPerPageOneQueryAndOneTransactionPerRequestAndOneWritePerOtherRecord() {
        for (int i = 0; i < 3; i++) {
            Reference old = stack.report(70, "Mo Measured", "mo.measured" + i + "@example.com", null, "1 Count Street, Melaleuca WA 6999",
                    "measured");
            stack.resolveAndClose(old, 65);
        }
        stack.complaint(90, 60, "Mo Measured", "mo.measured@example.com", "measured");
        stack.sendWaitingMail();
        CallCounter.takeAll();
        RetentionRun run = stack.counted().retention().run(new Retention.Batch(100, 10_000, Duration.ofMinutes(1)), "test");
        Map<String, CallCounter.Tally> calls = CallCounter.takeAll();
        System.out.println("Retention run " + run + "\nDynamoDB calls: " + calls);
        assertEquals(3, run.anonymised().get(RecordKind.REQUESTS), run.toString());
        assertEquals(1, run.anonymised().get(RecordKind.COMPLAINTS), run.toString());
        assertEquals(run.pages(), calls.get("DynamoDb Scan").calls(), "one Scan call per page");
        assertEquals(3 + 1, calls.get("DynamoDb Query").calls(), "one Query per request, and one per complaint (its notes)");
        assertEquals(3 + 1 + 1, calls.get("DynamoDb TransactWriteItems").calls(),
                "one transaction per request, one for the complaint (with its lookup items' deletes), one for the run");
        int mails = run.total() - 3 - 1;
        assertEquals(mails, calls.get("DynamoDb UpdateItem").calls(), "one UpdateItem per mail");
        assertEquals(3, calls.get("DynamoDb GetItem").calls(), "the schedule, the cursor, and one per complaint");
    }

    @Test
    @Order(8)
    void anErasureTakesTheResidentOffTheRequestTheyFollowAndLeavesItsOwnResident() {
        Reference original = stack.report(2, "Gail Original", "gail.original@example.com", null, "6 Same Street, Melaleuca WA 6999",
                "the first report");
        Reference duplicate = stack.report(1, "Fiona Follower", "fiona.follower@example.com", null,
                "6 Same Street, Melaleuca WA 6999", "the same hole");
        stack.act(duplicate, 0, Map.of("action", "duplicate", "originalReference", original.value()));
        stack.sendWaitingMail();
        assertTrue(stack.everything().stream().anyMatch(item -> item.contains("REQUEST#" + original.value())
                && item.contains("fiona.follower@example.com")), "she follows the original");

        SubjectAccess.Erasure erasure = stack.privacy().subjectAccess().erase(PrivacyStack.ADMIN, Subject.of("fiona.follower@example.com", null));
        assertEquals(2, erasure.erased().get(RecordKind.REQUESTS), "her own request, and her place among the followers: " + erasure);
        assertTrue(stack.everything().stream().noneMatch(item -> item.toLowerCase(Locale.ROOT).contains("fiona")), "nothing of hers is left");
        assertEquals("gail.original@example.com", stack.staffView(original).path("resident").path("email").asText());
    }

    @Test
    @Order(8)
    void anErasureDeletesThePhotosOfTheResidentsRequests() {
        Reference reference = stack.report(2, "Pia Photographer", "pia.photographer@example.com", null,
                "8 Lens Street, Melaleuca WA 6999", "a hole, photographed");
        stack.photo(reference, 1);
        assertEquals(2, stack.photoObjects(reference).size(), "the photo and its thumbnail");

        SubjectAccess.Erasure erasure = stack.privacy().subjectAccess().erase(PrivacyStack.ADMIN,
                Subject.of("pia.photographer@example.com", null));
        assertEquals(1, erasure.erased().get(RecordKind.PHOTOS), erasure.toString());
        assertEquals(List.of(), stack.photoObjects(reference), "its objects are deleted");
        assertTrue(stack.everything().stream().noneMatch(item -> item.startsWith("PhotosTable: ") && item.contains("PHOTO#")
                && item.contains(reference.value())), "and its record");
    }

    @Test
    @Order(9)
    void aRunStopsWhenItsTimeIsSpentAndSaysMoreRemains() {
        java.time.Clock ticking = new java.time.Clock() {
            private java.time.Instant now = PrivacyStack.NOW;

            @Override
            public synchronized java.time.Instant instant() {
                now = now.plusSeconds(40);
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        RetentionRun run = stack.privacy(ticking).retention().run(new Retention.Batch(5, 10_000, Duration.ofMinutes(1)), "test");
        assertEquals(1, run.pages(), "a minute's budget, 40 seconds a page on this clock: one page");
        assertTrue(run.moreRemain());
    }

    private static void assertOneEach(Map<RecordKind, Integer> counts, RecordKind... kinds) {
        for (RecordKind kind : kinds) {
            assertEquals(1, counts.get(kind), kind + " in " + counts);
        }
    }

    private static List<String> figures() {
        return stack.dynamo.scanPaginator(scan -> scan.tableName("FiguresTable")).items().stream()
                .map(item -> new java.util.TreeMap<>(item).toString()).sorted().toList();
    }

    private static String panel() {
        ObjectNode panel = Json.MAPPER.valueToTree(stack.panel().panel(PrivacyStack.ADMIN, "2026-08", "2026-11", null));
        panel.path("comments").forEach(comment -> ((ObjectNode) comment).remove("comment"));
        return panel.toString();
    }

    /** Every index key of every item, but the Lookup index's (the search terms, made of personal fields). */
    /** Every index's keys but the lookup indexes', whose keys are made of personal fields and go with them. */
    private static List<String> indexKeys() {
        return stack.indexKeys().stream().filter(key -> !key.startsWith("RequestsTable/Lookup") && !key.contains("/ByContact ")
                && !key.contains("/ByRecipient ")).toList();
    }
}

package io.civicdesk.agencyissues;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencyreports.AgencyReportStore;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.directory.StaffDirectory;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Json;
import io.civicdesk.reports.ReportFixtures;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agency's issue log: raised for a contact, escalated up the levels to the executive director and resolved, every
 * step recorded and mailed to the contact; another account manager's agency answers 404 and her weekly status mail
 * holds her own agencies only; every mistake is a 400 naming its field with nothing written; and the status of all
 * clients counts each agency's share within target from its day figures, its open and overdue issues and last contact.
 */
class AgencyIssuesApiTest {
    private static final Api API = TestStack.api();
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");

    /** A new agency of {@code manager}'s, on the standard template, with one contact: its id. */
    private static String agencyOf(StaffMember manager) {
        String id = "issues-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = API.post("/staff/agencies", Json.write(Map.of("id", id, "name", "Agency " + id,
                "accountManagerId", manager.id(), "serviceIds", List.of("missed-bin"), "contacts", List.of(Map.of(
                        "role", "business-manager", "name", "Jo Contact", "email", contact(id))))), ADMIN);
        assertEquals(201, created.status(), created.body());
        return id;
    }

    private static String contact(String agencyId) {
        return "jo@" + agencyId + ".example";
    }

    private static Api.Reply step(String agencyId, String issueId, Map<String, String> as, String action, String note, long version) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action, "version", version));
        if (note != null) {
            body.put("note", note);
        }
        return API.post("/staff/agencies/" + agencyId + "/issues/" + issueId + "/steps", Json.write(body), as);
    }

    private static Map<String, String> with(Map<String, String> as, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>(as);
        headers.put("Idempotency-Key", idempotencyKey);
        return headers;
    }

    @Test
    void anIssueIsRaisedEscalatedToTheExecutiveDirectorAndResolvedWithTheContactMailedAtEachStep() {
        StaffMember manager = ReportFixtures.accountManager();
        Map<String, String> asManager = Api.signedInAs(manager);
        String id = agencyOf(manager);
        String key = "raise-" + UUID.randomUUID();
        String body = Json.write(Map.of("title", "Invoices paid late", "detail", "Three invoices went past 30 days.",
                "raisedBy", contact(id)));
        Api.Reply raised = API.post("/staff/agencies/" + id + "/issues", body, with(asManager, key));
        assertEquals(201, raised.status(), raised.body());
        assertEquals(raised.body(), API.post("/staff/agencies/" + id + "/issues", body, with(asManager, key)).body(),
                "a phone's retry gets the first answer");
        JsonNode issue = raised.json();
        String issueId = issue.path("id").asText();
        assertEquals("service-manager", issue.path("level").asText());
        assertTrue(LocalDate.parse(issue.path("due").asText()).isAfter(TestStack.today().plusDays(4)), "5 business days on");
        assertFalse(issue.path("overdue").asBoolean());

        assertEquals(409, step(id, issueId, asManager, "escalate", null, 2).status(), "a step must name the version read");
        Api.Reply toDirector = step(id, issueId, asManager, "escalate", "Needs the director's decision.", 1);
        assertEquals(200, toDirector.status(), toDirector.body());
        assertEquals("service-director", toDirector.json().path("level").asText());
        Api.Reply noted = step(id, issueId, asManager, "note", "Director has asked for the invoice numbers.", 2);
        assertEquals(200, noted.status(), noted.body());
        Api.Reply toExecutive = step(id, issueId, asManager, "escalate", null, 3);
        assertEquals("executive-director", toExecutive.json().path("level").asText(), toExecutive.body());
        Api.Reply beyond = step(id, issueId, asManager, "escalate", null, 4);
        assertEquals(400, beyond.status(), beyond.body());
        assertNotNull(beyond.error("action"), "there is no level above the executive director");
        assertNotNull(step(id, issueId, asManager, "resolve", null, 4).error("note"), "a resolution says how");
        Api.Reply resolved = step(id, issueId, ADMIN, "resolve", "Paid, and the approval step moved earlier.", 4);
        assertEquals(200, resolved.status(), resolved.body());
        assertTrue(resolved.json().path("resolved").asBoolean());
        assertEquals(409, step(id, issueId, asManager, "note", "Too late.", 5).status(), "a resolved issue takes no steps");

        JsonNode log = API.get("/staff/agencies/" + id + "/log", asManager).json();
        assertEquals(1, log.path("issues").size(), "the retry raised nothing more");
        List<String> steps = new ArrayList<>();
        log.path("issues").get(0).path("steps").forEach(s -> steps.add(s.path("action").asText() + "@" + s.path("level").asText()
                + " by " + s.path("staffId").asText()));
        assertEquals(List.of("raised@service-manager by " + manager.id(), "escalated@service-director by " + manager.id(),
                "note@service-director by " + manager.id(), "escalated@executive-director by " + manager.id(),
                "resolved@executive-director by demo-admin"), steps);
        assertEquals(0, log.path("openIssues").asInt());

        List<Message> mails = Mailbox.awaitMailsTo(contact(id), m -> m.subject().contains("Invoices paid late"), 5);
        List<String> subjects = mails.stream().map(Message::subject).sorted().toList();
        assertEquals(List.of("Issue escalated to our executive director: Invoices paid late",
                "Issue escalated to our service director: Invoices paid late", "Issue logged: Invoices paid late",
                "Issue resolved: Invoices paid late", "Update on your issue: Invoices paid late"), subjects);
        String token = new AgencyStore(TestStack.get().dynamoDb(), "CatalogTable").agency(id).orElseThrow()
                .contacts().get(0).unsubscribeToken();
        for (Message mail : mails) {
            assertTrue(mail.text().contains("/agency-unsubscribe.html?agency=" + id + "#token=" + token), mail.text());
        }
        assertTrue(mails.stream().anyMatch(m -> m.text().contains("Paid, and the approval step moved earlier.")), "the note is told");
    }

    @Test
    void anotherManagersAgencyIsNotFoundAndEachManagersStatusMailHoldsOnlyHerAgencies() {
        StaffMember first = ReportFixtures.accountManager();
        StaffMember second = ReportFixtures.accountManager();
        String hers = agencyOf(first);
        String theirs = agencyOf(second);
        Map<String, String> asFirst = Api.signedInAs(first);
        assertEquals(404, API.get("/staff/agencies/" + theirs + "/log", asFirst).status());
        assertEquals(404, API.post("/staff/agencies/" + theirs + "/issues", Json.write(Map.of("title", "Not hers",
                "detail", "Not hers to raise.")), asFirst).status());
        assertEquals(404, API.post("/staff/agencies/" + theirs + "/meetings", Json.write(Map.of("held", "2024-01-08",
                "kind", "forum", "attendees", List.of("Jo"), "notes", "Not hers.")), asFirst).status());
        Api.Reply raised = API.post("/staff/agencies/" + theirs + "/issues", Json.write(Map.of("title", "Theirs",
                "detail", "Raised by its own manager.")), Api.signedInAs(second));
        assertEquals(201, raised.status(), raised.body());
        assertEquals(404, step(theirs, raised.json().path("id").asText(), asFirst, "note", "Not hers.", 1).status());

        Api.Reply status = API.get("/staff/agency-status", asFirst);
        assertEquals(200, status.status(), status.body());
        List<String> listed = new ArrayList<>();
        status.json().path("agencies").forEach(row -> listed.add(row.path("id").asText()));
        assertEquals(List.of(hers), listed, "her agencies only");
        assertTrue(API.get("/staff/agency-status", ADMIN).body().contains(theirs), "administrators see every agency");

        AgencyStatus.Outcome outcome = statusService().mailWeekly();
        assertTrue(outcome.managers() >= 2, outcome.toString());
        Message mail = Mailbox.awaitMailTo(first.email(), m -> m.subject().startsWith("Status of your client agencies"));
        assertTrue(mail.html().contains("Agency " + hers), mail.html());
        assertFalse(mail.text().contains(theirs) || mail.html().contains(theirs), "another manager's agency is not in her mail");
        assertFalse(mail.html().contains("Melaleuca Libraries"), "nor the demo manager's");
        assertTrue(Mailbox.awaitMailTo(second.email(), m -> m.subject().startsWith("Status of your client agencies"))
                .html().contains("Agency " + theirs));
        statusService().mailWeekly();
        assertEquals(1, Mailbox.to(first.email()).stream().filter(m -> m.subject().startsWith("Status of")).count(),
                "a second run this week mails her nothing more");
    }

    @Test
    void everyMistakeIsNamedByItsFieldAndNothingIsWritten() {
        StaffMember manager = ReportFixtures.accountManager();
        Map<String, String> asManager = Api.signedInAs(manager);
        String id = agencyOf(manager);
        Api.Reply empty = API.post("/staff/agencies/" + id + "/issues", Json.write(Map.of("title", " ", "detail", 7)), asManager);
        assertEquals(400, empty.status(), empty.body());
        assertNotNull(empty.error("title"));
        assertNotNull(empty.error("detail"));
        Api.Reply stranger = API.post("/staff/agencies/" + id + "/issues", Json.write(Map.of("title", "Late", "detail", "Late.",
                "raisedBy", "someone@elsewhere.example")), asManager);
        assertEquals(400, stranger.status(), stranger.body());
        assertNotNull(stranger.error("raisedBy"), "only one of the agency's contacts raises an issue");

        Api.Reply meeting = API.post("/staff/agencies/" + id + "/meetings", Json.write(Map.of("held", "last week",
                "kind", "party", "attendees", List.of(), "notes", "")), asManager);
        assertEquals(400, meeting.status(), meeting.body());
        for (String field : List.of("held", "kind", "attendees", "notes")) {
            assertNotNull(meeting.error(field), field + " in " + meeting.body());
        }
        Api.Reply future = API.post("/staff/agencies/" + id + "/meetings", Json.write(Map.of("held",
                TestStack.today().plusDays(3).toString(), "kind", "forum", "attendees", List.of("Jo"), "notes", "Not yet.")), asManager);
        assertNotNull(future.error("held"), "a meeting is recorded once it has been held");
        Api.Reply badStep = API.post("/staff/agencies/" + id + "/issues/20260101-nosuch/steps", Json.write(Map.of("action", "shout")), asManager);
        assertEquals(400, badStep.status(), badStep.body());
        assertNotNull(badStep.error("action"));
        assertNotNull(badStep.error("version"));

        JsonNode log = API.get("/staff/agencies/" + id + "/log", asManager).json();
        assertEquals(0, log.path("issues").size(), log.toString());
        assertEquals(0, log.path("meetings").size(), log.toString());

        Api.Reply recorded = API.post("/staff/agencies/" + id + "/meetings", Json.write(Map.of("held",
                TestStack.today().minusDays(1).toString(), "kind", "service-meeting", "attendees", List.of("Jo Contact", "Account Manager"),
                "notes", "Reviewed the month.", "actions", "Send the figures.")), with(asManager, "meeting-" + UUID.randomUUID()));
        assertEquals(201, recorded.status(), recorded.body());
        JsonNode listed = API.get("/staff/agencies/" + id + "/log", asManager).json().path("meetings");
        assertEquals(1, listed.size());
        assertEquals("service-meeting", listed.get(0).path("kind").asText());
        assertEquals(List.of("Jo Contact", "Account Manager"), List.of(listed.get(0).path("attendees").get(0).asText(),
                listed.get(0).path("attendees").get(1).asText()));
    }

    @Test
    void theStatusPageCountsSharesWithinTargetFromTheDayFiguresAndMarksOverdueIssues() {
        StaffMember manager = ReportFixtures.accountManager();
        String id = agencyOf(manager);
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        FiguresStore figures = new FiguresStore(dynamo, "FiguresTable");
        LocalDate today = TestStack.today();
        LocalDate tenDaysAgo = today.minusDays(10);
        for (int i = 0; i < 4; i++) {
            figures.apply(figures.agencyUpdate(id, "missed-bin", today, List.of(new FiguresStore.Resolved(60, i < 3, false))));
            figures.apply(figures.agencyUpdate(id, "missed-bin", tenDaysAgo, List.of(new FiguresStore.Resolved(600, i < 1, false))));
        }
        // An issue raised long ago, still with the service manager: past its due day.
        Instant longAgo = TestStack.clock().instant().minusSeconds(30L * 86_400);
        AgencyIssue stale = new AgencyIssue(id, "20000101-stale1", "Stale", "Nobody acted.", null, AgencyIssue.Level.SERVICE_MANAGER,
                false, today.minusDays(1), List.of(new AgencyIssue.Step(longAgo, manager.id(), manager.name(),
                AgencyIssue.Action.RAISED, AgencyIssue.Level.SERVICE_MANAGER, null)), 1);
        new DynamoTransactions(dynamo).commit(List.of(new AgencyIssueStore(dynamo, "CatalogTable").raised(stale)));
        Map<String, String> asManager = Api.signedInAs(manager);
        assertEquals(201, API.post("/staff/agencies/" + id + "/issues", Json.write(Map.of("title", "Fresh", "detail", "Just now.")),
                asManager).status());

        JsonNode status = API.get("/staff/agency-status", asManager).json();
        JsonNode row = status.path("agencies").get(0);
        assertEquals(id, row.path("id").asText());
        assertEquals(0.75, row.path("withinWeek").asDouble(), 1e-9, "3 of today's 4 resolutions within target");
        LocalDate quarterFrom = LocalDate.parse(status.path("quarterFrom").asText());
        assertEquals(tenDaysAgo.isBefore(quarterFrom) ? 0.75 : 0.5, row.path("withinQuarter").asDouble(), 1e-9,
                "and, in the quarter, 1 of the 4 ten days ago");
        assertEquals(2, row.path("openIssues").asInt());
        assertEquals(1, row.path("overdueIssues").asInt(), "the stale issue is overdue at its level");
        assertEquals(today.toString(), row.path("lastContact").asText(), "the issue raised today");
        assertEquals(today.plusYears(1).toString(), row.path("nextReview").asText());
        JsonNode log = API.get("/staff/agencies/" + id + "/log", asManager).json();
        assertEquals(1, log.path("overdueIssues").asInt());
        assertTrue(log.path("issues").get(1).path("overdue").asBoolean(), log.toString());
    }

    private static AgencyStatus statusService() {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        return new AgencyStatus(new AgencyStore(dynamo, "CatalogTable"), new AgencyIssueStore(dynamo, "CatalogTable"),
                new MeetingNoteStore(dynamo, "CatalogTable"), new AgencyReportStore(dynamo, "FiguresTable"),
                new FiguresStore(dynamo, "FiguresTable"), new CatalogStore(dynamo, "CatalogTable"),
                new StaffDirectory(dynamo, "CatalogTable"), new OutboxStore(dynamo, "OutboxTable"),
                new DynamoTransactions(dynamo), TestStack.clock());
    }
}

package io.civicdesk.staff;

import io.civicdesk.agencyreports.AgencyReport;
import io.civicdesk.agencyreports.AgencyReportStore;
import io.civicdesk.articles.ArticleStore;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.bookings.BookingFixtures;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.local.LocalStack;
import io.civicdesk.local.StaffTokens;
import io.civicdesk.local.template.SamTemplate;
import io.civicdesk.agencyissues.AgencyIssueStore;
import io.civicdesk.platform.DynamoTransactions;
import io.civicdesk.platform.Json;
import io.civicdesk.privacy.RecordKind;
import io.civicdesk.reports.AccountStore;
import io.civicdesk.responses.ResponseTemplateStore;
import io.civicdesk.search.SynonymBook;
import io.civicdesk.search.SynonymStore;
import io.civicdesk.guides.GuideStore;
import io.civicdesk.reports.ReportFixtures;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.sla.BusinessCalendar;
import io.civicdesk.sla.ServiceLevelPolicy;
import io.civicdesk.photos.PhotoFixtures;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static io.civicdesk.staff.StaffApi.ACCOUNT_MANAGER;
import static io.civicdesk.staff.StaffApi.ADMIN;
import static io.civicdesk.staff.StaffApi.PRIYA;
import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every staff route of template.yaml, called as nobody, with a token wrong in each way the gateway checks, as
 * the wrong role, as an officer of the wrong unit, and as the right caller — each with the status it must get.
 * The routes come from the template: a staff route added without a row here fails the test.
 */
class StaffAuthorisationMatrixTest {
    /** A member of staff whose token carries none of the four groups. */
    private static final StaffMember NO_ROLE = new StaffMember("no-role", "Nobody Inparticular",
            "nobody@melaleuca.example", Set.of(), null);

    private static String wasteRequest;
    private static String heldToApprove;
    private static String heldToDecline;
    private static String confirmedToCancel;
    private static String waitingForPayment;
    private static String complaintToAcknowledge;
    private static String complaintToAnswer;
    private static String storedReport;
    private static StaffMember newAccountManager;
    private static StaffMember leavingAccountManager;
    private static String ownService;
    private static String calendarWithHoliday;
    private static String policyToDelete;
    private static String memberToChange;
    private static final String MATRIX_ARTICLE = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    private static String guideToSave;
    private static String guideToRetire;
    private static String keyToRevoke;
    private static String photoToApprove;
    private static String templateToSave;
    private static String templateToRetire;
    private static String agencyToChange;
    private static String issueToStep;
    private static final ReportPeriod MATRIX_AGENCY_REPORT = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2018, 2, 1));
    private static final String NO_ONE = "no.one+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    /** One route's calls: who is right, who has the wrong role, who is in the wrong unit (null: any unit may). */
    private record Case(String path, Supplier<Object> body, StaffMember right, StaffMember wrongRole,
                        StaffMember wrongUnit, int success) {
    }

    private static Object referralTargetsAsTheyAre() {
        com.fasterxml.jackson.databind.JsonNode targets = StaffApi.as(ADMIN).get("/staff/referral-targets").json();
        List<Object> pairs = new java.util.ArrayList<>();
        targets.path("pairs").forEach(pair -> pairs.add(Map.of("fromUnitId", pair.path("fromUnitId").asText(),
                "toUnitId", pair.path("toUnitId").asText(), "hours", pair.path("hours").asInt())));
        return Map.of("defaultHours", targets.path("defaultHours").asInt(), "pairs", pairs, "version", targets.path("version").asLong());
    }

    private static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        String ref = wasteRequest;
        cases.put("GET /staff/me", new Case("/staff/me", null, ACCOUNT_MANAGER, NO_ROLE, null, 200));
        cases.put("GET /staff/queue", new Case("/staff/queue?unit=waste", null, SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("GET /staff/search", new Case("/staff/search?q=" + ref, null, SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("GET /staff/knowledge", new Case("/staff/knowledge?q=bin", null, ACCOUNT_MANAGER, NO_ROLE, null, 200));
        cases.put("GET /staff/knowledge/figures", new Case("/staff/knowledge/figures", null, ACCOUNT_MANAGER, SAM, null, 200));
        cases.put("GET /staff/synonyms", new Case("/staff/synonyms", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        // Saved as they are, at the version now: the same groups, one version on.
        cases.put("PUT /staff/synonyms", new Case("/staff/synonyms", () -> {
            SynonymBook.Saved saved = new SynonymStore(TestStack.get().dynamoDb(), "CatalogTable").saved();
            return Map.of("groups", saved.synonyms().groups(), "version", saved.version());
        }, ADMIN, StaffApi.SUPERVISOR, null, 200));
        // Any member of staff reads the knowledge base; only the owning unit's staff (and administrators) change it.
        cases.put("GET /staff/articles", new Case("/staff/articles?serviceId=missed-bin", null, ACCOUNT_MANAGER, NO_ROLE, null, 200));
        cases.put("POST /staff/articles/preview", new Case("/staff/articles/preview", () -> Map.of("body", "**Matrix** check."),
                ACCOUNT_MANAGER, NO_ROLE, null, 200));
        cases.put("GET /staff/articles/{articleId}", new Case("/staff/articles/unit-waste", null, PRIYA, NO_ROLE, null, 200));
        cases.put("PUT /staff/articles/{articleId}", new Case("/staff/articles/" + MATRIX_ARTICLE, () -> {
            Map<String, Object> draft = matrixArticle();
            draft.put("revision", matrixRevision());
            return draft;
        }, SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("POST /staff/articles/{articleId}/publish", new Case("/staff/articles/" + MATRIX_ARTICLE + "/publish",
                () -> Map.of("revision", matrixRevision()), SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("POST /staff/articles/{articleId}/retire", new Case("/staff/articles/" + MATRIX_ARTICLE + "/retire",
                () -> Map.of("revision", matrixRevision()), SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("GET /staff/officers", new Case("/staff/officers?unit=waste", null, SAM, ACCOUNT_MANAGER, PRIYA, 200));
        // Reading another unit's request is allowed on purpose (the counter answers for every unit): no wrong unit.
        cases.put("GET /staff/requests/{reference}", new Case("/staff/requests/" + ref, null, SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("POST /staff/requests/{reference}/actions", new Case("/staff/requests/" + ref + "/actions",
                () -> Map.of("action", "note", "note", "Matrix check.",
                        "expectedVersion", StaffApi.as(SAM).view(ref).path("version").asLong()),
                SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("POST /staff/requests", new Case("/staff/requests", () -> {
            Map<String, Object> report = new HashMap<>(Reports.missedBin(StaffApi.email()));
            report.put("channel", "phone");
            return report;
        }, SAM, ACCOUNT_MANAGER, null, 201));
        cases.put("GET /staff/workflows/{serviceId}", new Case("/staff/workflows/barking-dog", null, ADMIN, SAM, null, 200));
        cases.put("PUT /staff/workflows/{serviceId}", new Case("/staff/workflows/barking-dog",
                () -> Map.of("useDefault", true), ADMIN, StaffApi.SUPERVISOR, null, 200));
        // Facilities belong to no unit: bookings have no wrong unit, only wrong roles.
        cases.put("GET /staff/facilities/{facilityId}/calendar", new Case("/staff/facilities/wattle-hall/calendar", null,
                SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("GET /staff/bookings/holds", new Case("/staff/bookings/holds", null, StaffApi.SUPERVISOR, SAM, null, 200));
        cases.put("POST /staff/bookings", new Case("/staff/bookings", () -> BookingFixtures.booking("karri-meeting-room",
                BookingFixtures.weekday("karri-meeting-room", DayOfWeek.THURSDAY, 7), "15:00", "16:00", StaffApi.email()), SAM, ACCOUNT_MANAGER, null, 201));
        cases.put("POST /staff/bookings/{reference}/approve", new Case("/staff/bookings/" + heldToApprove + "/approve",
                Map::of, StaffApi.SUPERVISOR, SAM, null, 200));
        cases.put("POST /staff/bookings/{reference}/decline", new Case("/staff/bookings/" + heldToDecline + "/decline",
                () -> Map.of("reason", "Matrix check."), StaffApi.SUPERVISOR, SAM, null, 200));
        cases.put("POST /staff/bookings/{reference}/cancel", new Case("/staff/bookings/" + confirmedToCancel + "/cancel",
                () -> Map.of("reason", "Matrix check."), SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("POST /staff/facilities/{facilityId}/blackouts", new Case("/staff/facilities/wattle-hall/blackouts",
                () -> Map.of("date", BookingFixtures.weekday("wattle-hall", DayOfWeek.MONDAY, 12).toString(), "reason", "Matrix check."),
                StaffApi.SUPERVISOR, SAM, null, 201));
        cases.put("POST /staff/facilities/{facilityId}/feed-links", new Case("/staff/facilities/wattle-hall/feed-links",
                Map::of, StaffApi.SUPERVISOR, SAM, null, 201));
        // Payments: officers see a booking's and take one at the counter; supervisors release bonds and reconcile.
        cases.put("GET /staff/bookings/{reference}/payments", new Case("/staff/bookings/" + waitingForPayment + "/payments",
                null, SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("POST /staff/bookings/{reference}/payments", new Case("/staff/bookings/" + waitingForPayment + "/payments",
                Map::of, SAM, ACCOUNT_MANAGER, null, 201));
        // Past the role check, a bond is not released before its booking has taken place (the journey test has the rest).
        cases.put("POST /staff/bookings/{reference}/bond-release", new Case("/staff/bookings/" + waitingForPayment + "/bond-release",
                Map::of, StaffApi.SUPERVISOR, SAM, null, 409));
        // A request's fee: officers see it and take it at the counter; supervisors refund it. Past the role check, the
        // missed bin has no fee (ServiceFeeLeftoversTest has the rest).
        cases.put("GET /staff/requests/{reference}/payments", new Case("/staff/requests/" + ref + "/payments", null, SAM,
                ACCOUNT_MANAGER, null, 200));
        cases.put("POST /staff/requests/{reference}/payments", new Case("/staff/requests/" + ref + "/payments", Map::of, SAM,
                ACCOUNT_MANAGER, null, 409));
        cases.put("POST /staff/requests/{reference}/fee-refund", new Case("/staff/requests/" + ref + "/fee-refund",
                () -> Map.of("reason", "withdrawn"), StaffApi.SUPERVISOR, SAM, null, 409));
        cases.put("GET /staff/payments/reconciliation", new Case("/staff/payments/reconciliation", null, StaffApi.SUPERVISOR, SAM, null, 200));
        cases.put("GET /staff/payments/reconciliation.csv", new Case("/staff/payments/reconciliation.csv", null,
                StaffApi.SUPERVISOR, SAM, null, 200));
        // Complaints: a unit's officers handle its own; the review panel is for supervisors and admins; tablets, admins.
        cases.put("GET /staff/complaints", new Case("/staff/complaints", null, SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("GET /staff/complaints/panel", new Case("/staff/complaints/panel", null, StaffApi.SUPERVISOR, SAM, null, 200));
        cases.put("GET /staff/complaints/panel.csv", new Case("/staff/complaints/panel.csv", null, ADMIN, SAM, null, 200));
        cases.put("POST /staff/complaints/{reference}/acknowledge", new Case("/staff/complaints/" + complaintToAcknowledge
                + "/acknowledge", () -> Map.of("message", "Matrix check."), SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("POST /staff/complaints/{reference}/answer", new Case("/staff/complaints/" + complaintToAnswer + "/answer",
                () -> Map.of("outcome", "not-upheld", "reasons", "Matrix check."), SAM, ACCOUNT_MANAGER, PRIYA, 200));
        // Investigation notes: who may handle the case, as acknowledging and answering.
        cases.put("GET /staff/complaints/{reference}/notes", new Case("/staff/complaints/" + complaintToAnswer + "/notes",
                null, SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("POST /staff/complaints/{reference}/notes", new Case("/staff/complaints/" + complaintToAcknowledge + "/notes",
                () -> Map.of("note", "Matrix check."), SAM, ACCOUNT_MANAGER, PRIYA, 201));
        cases.put("POST /staff/counter-devices", new Case("/staff/counter-devices",
                () -> Map.of("unitId", "waste", "name", "Matrix check tablet"), ADMIN, StaffApi.SUPERVISOR, null, 201));
        // Report history: supervisors, account managers (their units' lines) and admins; who gets which, admins only.
        cases.put("GET /staff/reports", new Case("/staff/reports?kind=weekly", null, ACCOUNT_MANAGER, SAM, null, 200));
        cases.put("GET /staff/reports/{periodKey}", new Case("/staff/reports/" + storedReport, null, StaffApi.SUPERVISOR,
                SAM, null, 200));
        cases.put("GET /staff/admin/accounts", new Case("/staff/admin/accounts", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("PUT /staff/admin/accounts/{staffId}", new Case("/staff/admin/accounts/" + newAccountManager.id(),
                () -> Map.of("unitIds", List.of("waste"), "kinds", List.of("weekly")), ADMIN, ACCOUNT_MANAGER, null, 200));
        cases.put("DELETE /staff/admin/accounts/{staffId}", new Case("/staff/admin/accounts/" + leavingAccountManager.id()
                + "?version=1", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        // Calendars and policies of this test's own, so the demo's service levels stay as they are.
        cases.put("GET /staff/service-levels", new Case("/staff/service-levels", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("PUT /staff/calendars/{calendarId}", new Case("/staff/calendars/put-" + calendarWithHoliday,
                () -> Map.of("timeZone", "Australia/Perth", "openingHours", Map.of("monday", List.of("08:30-17:00")),
                        "holidays", List.of(Map.of("date", "2030-01-02", "name", "Matrix check"))),
                ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("POST /staff/calendars/{calendarId}/holidays", new Case("/staff/calendars/" + calendarWithHoliday + "/holidays",
                () -> Map.of("date", "2030-01-03", "name", "Matrix check"), ADMIN, StaffApi.SUPERVISOR, null, 201));
        cases.put("DELETE /staff/calendars/{calendarId}/holidays/{date}", new Case("/staff/calendars/" + calendarWithHoliday
                + "/holidays/2030-01-01", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("PUT /staff/policies/{policyId}", new Case("/staff/policies/matrix-" + ownService, () -> Map.of(
                "order", 900_000 + new SecureRandom().nextInt(90_000), "serviceId", ownService,
                "firstResponseMinutes", 60, "resolutionMinutes", 120), ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("DELETE /staff/policies/{policyId}", new Case("/staff/policies/" + policyToDelete, null,
                ADMIN, StaffApi.SUPERVISOR, null, 200));
        // The referral targets saved as they are (under the version just read), so no other test's targets change.
        cases.put("GET /staff/referral-targets", new Case("/staff/referral-targets", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("PUT /staff/referral-targets", new Case("/staff/referral-targets", StaffAuthorisationMatrixTest::referralTargetsAsTheyAre,
                ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("GET /staff/referrals", new Case("/staff/referrals?unit=waste", null, SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("POST /staff/reports/run", new Case("/staff/reports/run", () -> Map.of("kind", "weekly", "resend", false),
                ADMIN, StaffApi.SUPERVISOR, null, 200));
        // Who works here: administrators only; the member changed is this test's own.
        cases.put("GET /staff/members", new Case("/staff/members", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("POST /staff/members", new Case("/staff/members", () -> Map.of("email", "matrix-" + UUID.randomUUID()
                + "@melaleuca.example", "name", "Matrix Check", "roles", List.of("officer"), "unitId", "waste"),
                ADMIN, ACCOUNT_MANAGER, null, 201));
        cases.put("PUT /staff/members/{staffId}", new Case("/staff/members/" + memberToChange, () -> Map.of("name", "Matrix Checked",
                "roles", List.of("officer"), "unitId", "roads", "version", 1), ADMIN, StaffApi.SUPERVISOR, null, 200));
        // Guided help: administrators only; the conversations saved and retired are this test's own.
        cases.put("GET /staff/guides", new Case("/staff/guides", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("GET /staff/guides/{topicId}", new Case("/staff/guides/bin-not-collected", null, ADMIN, SAM, null, 200));
        cases.put("PUT /staff/guides/{topicId}", new Case("/staff/guides/" + guideToSave, () -> matrixGuide(
                new GuideStore(TestStack.get().dynamoDb(), "CatalogTable").current(guideToSave)
                        .map(saved -> saved.guide().version()).orElse(0)), ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("DELETE /staff/guides/{topicId}", new Case("/staff/guides/" + guideToRetire + "?version=1", null,
                ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("GET /staff/open311/keys", new Case("/staff/open311/keys", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("POST /staff/open311/keys", new Case("/staff/open311/keys", () -> Map.of("name", "Matrix check app"),
                ADMIN, SAM, null, 201));
        cases.put("POST /staff/open311/keys/{keyId}/revoke", new Case("/staff/open311/keys/" + keyToRevoke + "/revoke", Map::of,
                ADMIN, ACCOUNT_MANAGER, null, 200));
        // Privacy: administrators only. The schedule saved keeps every record for the longest period, so the run
        // anonymises nothing of the other tests sharing this stack; the resident searched for and erased is no one.
        cases.put("GET /staff/privacy/retention", new Case("/staff/privacy/retention", null, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("PUT /staff/privacy/retention", new Case("/staff/privacy/retention",
                StaffAuthorisationMatrixTest::longestRetention, ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("POST /staff/privacy/retention/run", new Case("/staff/privacy/retention/run", Map::of,
                ADMIN, ACCOUNT_MANAGER, null, 200));
        cases.put("POST /staff/privacy/subjects/search", new Case("/staff/privacy/subjects/search",
                () -> Map.of("email", NO_ONE), ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("POST /staff/privacy/subjects/export", new Case("/staff/privacy/subjects/export",
                () -> Map.of("email", NO_ONE), ADMIN, SAM, null, 200));
        cases.put("POST /staff/privacy/subjects/erase", new Case("/staff/privacy/subjects/erase",
                () -> Map.of("email", NO_ONE, "confirm", true), ADMIN, StaffApi.SUPERVISOR, null, 200));
        cases.put("GET /staff/privacy/audit", new Case("/staff/privacy/audit?staffId=demo-admin", null,
                ADMIN, ACCOUNT_MANAGER, null, 200));
        // Photos: any officer sees and adds them (as they read any request); only the request's unit shows or hides one.
        cases.put("GET /staff/requests/{reference}/photos", new Case("/staff/requests/" + ref + "/photos", null,
                SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("POST /staff/requests/{reference}/photos", new Case("/staff/requests/" + ref + "/photos",
                () -> Map.of("contentType", "image/jpeg", "size", 1000), SAM, ACCOUNT_MANAGER, null, 201));
        cases.put("POST /staff/requests/{reference}/photos/{photoId}", new Case("/staff/requests/" + ref + "/photos/" + photoToApprove,
                () -> Map.of("shown", "approved", "expectedVersion", StaffApi.as(SAM).get("/staff/requests/" + ref + "/photos")
                        .json().path("photos").get(0).path("version").asLong()), SAM, ACCOUNT_MANAGER, PRIYA, 200));
        // A planned day: the officer reads their own (another officer may not), supervisors plan it.
        String samsDay = "/staff/day-plans/" + SAM.id() + "/" + TestStack.today();
        cases.put("GET /staff/day-plans/{staffId}/{date}", new Case(samsDay, null, SAM, ACCOUNT_MANAGER, PRIYA, 200));
        cases.put("PUT /staff/day-plans/{staffId}/{date}", new Case(samsDay, () -> Map.of("references", List.of(),
                "expectedVersion", StaffApi.as(StaffApi.SUPERVISOR).get(samsDay).json().path("version").asLong()),
                StaffApi.SUPERVISOR, SAM, null, 200));
        // Response templates: supervisors and administrators keep them; an officer is offered them where they write.
        cases.put("GET /staff/responses", new Case("/staff/responses", null, StaffApi.SUPERVISOR, SAM, null, 200));
        cases.put("POST /staff/responses", new Case("/staff/responses", () -> matrixTemplate(0), ADMIN, SAM, null, 201));
        cases.put("PUT /staff/responses/{templateId}", new Case("/staff/responses/" + templateToSave, () -> matrixTemplate(
                new ResponseTemplateStore(TestStack.get().dynamoDb(), "CatalogTable").saved(templateToSave).orElseThrow().version()),
                StaffApi.SUPERVISOR, SAM, null, 200));
        cases.put("DELETE /staff/responses/{templateId}", new Case("/staff/responses/" + templateToRetire + "?version=1", null,
                ADMIN, ACCOUNT_MANAGER, null, 200));
        cases.put("GET /staff/requests/{reference}/responses", new Case("/staff/requests/" + ref + "/responses?status=in-progress",
                null, SAM, ACCOUNT_MANAGER, null, 200));
        cases.put("GET /staff/complaints/{reference}/responses", new Case("/staff/complaints/" + complaintToAnswer
                + "/responses?use=answer", null, SAM, ACCOUNT_MANAGER, PRIYA, 200));
        // Client agencies: administrators and account managers see them (each manager her own: AgenciesApiTest);
        // only administrators add or change an agency; its account manager adds versions of its agreement.
        cases.put("GET /staff/agencies", new Case("/staff/agencies", null, ACCOUNT_MANAGER, StaffApi.SUPERVISOR, null, 200));
        cases.put("POST /staff/agencies", new Case("/staff/agencies", () -> matrixAgency("matrix-" + UUID.randomUUID()
                .toString().substring(0, 8)), ADMIN, ACCOUNT_MANAGER, null, 201));
        cases.put("GET /staff/agencies/{agencyId}", new Case("/staff/agencies/" + agencyToChange, null,
                ACCOUNT_MANAGER, SAM, null, 200));
        cases.put("PUT /staff/agencies/{agencyId}", new Case("/staff/agencies/" + agencyToChange, () -> {
            Map<String, Object> agency = matrixAgency(agencyToChange);
            agency.put("version", TestStack.api().get("/staff/agencies/" + agencyToChange, Api.signedInAs(ADMIN))
                    .json().path("version").asLong());
            return agency;
        }, ADMIN, ACCOUNT_MANAGER, null, 200));
        cases.put("POST /staff/agencies/{agencyId}/agreements", new Case("/staff/agencies/" + agencyToChange + "/agreements",
                () -> Map.of("effectiveFrom", "2030-01-01", "reviewDate", "2031-01-01", "targets",
                        List.of(Map.of("serviceId", "missed-bin"))), ACCOUNT_MANAGER, StaffApi.SUPERVISOR, null, 201));
        cases.put("POST /staff/agencies/reports/run", new Case("/staff/agencies/reports/run", () -> Map.of("kind", "weekly"),
                ADMIN, ACCOUNT_MANAGER, null, 200));
        // An agency's issue log and meetings: its account manager (and administrators); the status of all clients.
        String log = "/staff/agencies/" + agencyToChange;
        cases.put("GET /staff/agencies/{agencyId}/log", new Case(log + "/log", null, ACCOUNT_MANAGER, SAM, null, 200));
        cases.put("POST /staff/agencies/{agencyId}/issues", new Case(log + "/issues", () -> Map.of("title", "Matrix check",
                "detail", "Matrix check."), ACCOUNT_MANAGER, StaffApi.SUPERVISOR, null, 201));
        cases.put("POST /staff/agencies/{agencyId}/issues/{issueId}/steps", new Case(log + "/issues/" + issueToStep + "/steps",
                () -> Map.of("action", "note", "note", "Matrix check.", "version", new AgencyIssueStore(TestStack.get().dynamoDb(),
                        "CatalogTable").issue(agencyToChange, issueToStep).orElseThrow().version()),
                ACCOUNT_MANAGER, SAM, null, 200));
        cases.put("POST /staff/agencies/{agencyId}/meetings", new Case(log + "/meetings", () -> Map.of("held", "2020-01-06",
                "kind", "forum", "attendees", List.of("Matrix Contact"), "notes", "Matrix check."), ACCOUNT_MANAGER, SAM, null, 201));
        cases.put("GET /staff/agency-status", new Case("/staff/agency-status", null, ACCOUNT_MANAGER, StaffApi.SUPERVISOR, null, 200));
        // Benchmarking, stored reports and their resend: administrators and account managers (each her own agencies:
        // AgencyFiguresApiTest); the agencies' names: any member of staff, for logging a request for one.
        cases.put("GET /staff/agency-benchmarks", new Case("/staff/agency-benchmarks", null, ACCOUNT_MANAGER, SAM, null, 200));
        cases.put("GET /staff/agency-names", new Case("/staff/agency-names", null, SAM, NO_ROLE, null, 200));
        cases.put("GET /staff/agencies/{agencyId}/reports", new Case("/staff/agencies/" + agencyToChange + "/reports", null,
                ACCOUNT_MANAGER, SAM, null, 200));
        cases.put("POST /staff/agencies/{agencyId}/reports/{periodKey}/resend", new Case("/staff/agencies/" + agencyToChange
                + "/reports/" + MATRIX_AGENCY_REPORT.key() + "/resend", Map::of, ACCOUNT_MANAGER, SAM, null, 200));
        return cases;
    }

    /** A template of the matrix's own, offered for no service the other tests use. */
    private static Map<String, Object> matrixTemplate(int version) {
        return Map.of("title", "Matrix check", "use", "request", "serviceId", ownService, "language", "en",
                "text", "Matrix check for {name}.", "version", version);
    }

    private static String matrixTemplateSaved() {
        Api.Reply saved = TestStack.api().post("/staff/responses", Json.write(matrixTemplate(0)), Api.signedInAs(ADMIN));
        assertEquals(201, saved.status(), saved.body());
        return saved.json().path("templateId").asText();
    }

    /** An agency of the demo account manager's, for the matrix's own calls. */
    private static Map<String, Object> matrixAgency(String id) {
        return new HashMap<>(Map.of("id", id, "name", "Matrix agency " + id, "accountManagerId", ACCOUNT_MANAGER.id(),
                "contacts", List.of(Map.of("role", "business-manager", "name", "Matrix Contact", "email", "matrix@agency.example")),
                "serviceIds", List.of("missed-bin")));
    }

    /** Every kind of record kept for the longest period there is, over the schedule's version now. */
    private static Map<String, Object> longestRetention() {
        Api.Reply current = TestStack.api().get("/staff/privacy/retention", Api.signedInAs(ADMIN));
        assertEquals(200, current.status(), current.body());
        Map<String, Object> days = new LinkedHashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            days.put(kind.wireName(), RecordKind.MAX_DAYS);
        }
        return Map.of("expectedVersion", current.json().path("schedule").path("version").asLong(), "days", days);
    }

    /** A conversation of one question, for the matrix's own topics. */
    private static Map<String, Object> matrixGuide(int version) {
        return Map.of("title", "Matrix check", "firstStepId", "only", "version", version, "steps", List.of(Map.of(
                "stepId", "only", "question", "Book or talk?", "answers", List.of(
                        Map.of("label", "Book", "book", "wattle-hall"), Map.of("label", "Talk", "callBack", true)))));
    }

    @BeforeAll
    static void aRequestOfTheWasteUnitAndBookingsToActOn() {
        wasteRequest = StaffApi.residentReport(StaffApi.email());
        photoToApprove = PhotoFixtures.staffPhoto(wasteRequest, Api.signedInAs(SAM));
        // The oval needs approval, so its bookings are held; the meeting room books at once (up to 60 days ahead).
        heldToApprove = booked("melaleuca-oval", DayOfWeek.SUNDAY, 10);
        heldToDecline = booked("melaleuca-oval", DayOfWeek.SUNDAY, 11);
        confirmedToCancel = booked("karri-meeting-room", DayOfWeek.FRIDAY, 6);
        // The Jarrah shelter is paid online: its bookings wait for payment.
        waitingForPayment = booked("jarrah-bbq-shelter", DayOfWeek.SUNDAY, 1);
        complaintToAcknowledge = wasteComplaint();
        complaintToAnswer = wasteComplaint();
        storedReport = ReportFixtures.rollUp(ReportPeriod.Kind.MONTHLY, LocalDate.of(2016, 5, 1)).periodKey();
        newAccountManager = ReportFixtures.accountManager();
        leavingAccountManager = ReportFixtures.accountManager();
        ReportFixtures.accounts().put(new AccountStore.Account(leavingAccountManager.id(), List.of("roads"),
                Set.of(ReportPeriod.Kind.QUARTERLY)));
        ownService = StaffApi.OwnUnit.create("matrix").serviceId();
        calendarWithHoliday = "matrix-" + ownService;
        CatalogStore catalog = new CatalogStore(TestStack.get().dynamoDb(), "CatalogTable");
        catalog.putCalendar(new BusinessCalendar(calendarWithHoliday, ZoneId.of("Australia/Perth"),
                BusinessCalendar.MONDAY_TO_FRIDAY, Map.of(LocalDate.parse("2030-01-01"), "Matrix check")));
        Api.Reply member = TestStack.api().post("/staff/members", Json.write(Map.of("email", "matrix-" + UUID.randomUUID()
                + "@melaleuca.example", "name", "Matrix Check", "roles", List.of("officer"), "unitId", "waste")), Api.signedInAs(ADMIN));
        assertEquals(201, member.status(), member.body());
        memberToChange = member.json().path("id").asText();
        Api.Reply article = TestStack.api().put("/staff/articles/" + MATRIX_ARTICLE, Json.write(matrixArticle()), Api.signedInAs(SAM));
        assertEquals(200, article.status(), article.body());
        policyToDelete = "matrix-delete-" + ownService;
        guideToSave = "matrix-" + ownService;
        guideToRetire = "matrix-retire-" + ownService;
        assertEquals(200, TestStack.api().put("/staff/guides/" + guideToRetire, Json.write(matrixGuide(0)),
                Api.signedInAs(ADMIN)).status());
        assertEquals(200, TestStack.api().put("/staff/privacy/retention", Json.write(longestRetention()),
                Api.signedInAs(ADMIN)).status(), "the run anonymises nothing of the tests sharing the stack");
        Api.Reply key = TestStack.api().post("/staff/open311/keys", Json.write(Map.of("name", "Matrix revoke")), Api.signedInAs(ADMIN));
        assertEquals(201, key.status(), key.body());
        keyToRevoke = key.json().path("apiKey").path("keyId").asText();
        agencyToChange = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply agency = TestStack.api().post("/staff/agencies", Json.write(matrixAgency(agencyToChange)), Api.signedInAs(ADMIN));
        assertEquals(201, agency.status(), agency.body());
        Api.Reply issue = TestStack.api().post("/staff/agencies/" + agencyToChange + "/issues", Json.write(Map.of(
                "title", "Matrix step", "detail", "An issue the matrix adds notes to.")), Api.signedInAs(ADMIN));
        assertEquals(201, issue.status(), issue.body());
        issueToStep = issue.json().path("id").asText();
        // A stored report of the matrix agency's, for its resend.
        new DynamoTransactions(TestStack.get().dynamoDb()).commit(List.of(new AgencyReportStore(TestStack.get().dynamoDb(),
                "FiguresTable").storedOnce(new AgencyReport(agencyToChange, "Matrix agency", MATRIX_AGENCY_REPORT, 1, null,
                List.of()), "agency\r\n", TestStack.clock().instant())));
        assertTrue(catalog.savePolicy(new ServiceLevelPolicy(policyToDelete, 800_000 + new SecureRandom().nextInt(90_000), ownService,
                null, Duration.ofHours(1), Duration.ofHours(2), null, List.of(), null), null), "its place in the order is its own");
        templateToSave = matrixTemplateSaved();
        templateToRetire = matrixTemplateSaved();
    }

    /** A waste article of the matrix's own: saved, published and taken down in the template's order of routes. */
    private static Map<String, Object> matrixArticle() {
        Map<String, Object> draft = new HashMap<>(Map.of("kind", "guidance", "audience", "staff", "title", "Matrix check",
                "summary", "An article the authorisation matrix changes.", "body", "Matrix check.", "unitId", "waste",
                "serviceIds", List.of("missed-bin")));
        return draft;
    }

    private static int matrixRevision() {
        return new ArticleStore(TestStack.get().dynamoDb(), "CatalogTable").state(MATRIX_ARTICLE).orElseThrow().revision();
    }

    private static String wasteComplaint() {
        Api.Reply reply = TestStack.api().post("/feedback", Json.write(Map.of("kind", "complaint",
                "about", Map.of("unitId", "waste"), "message", "Matrix check.",
                "contact", Map.of("name", "Robin Resident", "email", StaffApi.email()))), Map.of());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("reference").asText();
    }

    private static String booked(String facilityId, DayOfWeek day, int weeksAhead) {
        Api.Reply reply = TestStack.api().post("/bookings", Json.write(BookingFixtures.booking(facilityId,
                BookingFixtures.weekday(facilityId, day, weeksAhead), "09:00", "11:00", StaffApi.email())), Map.of());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("reference").asText();
    }

    private static List<String> staffRoutes() {
        return SamTemplate.read(LocalStack.findProjectRoot().resolve("template.yaml")).functions().stream()
                .flatMap(function -> function.routes().stream())
                .filter(route -> route.path().startsWith("/staff"))
                .map(route -> route.method() + " " + route.path()).toList();
    }

    @Test
    void everyStaffRouteOfTheTemplateHasARowAndEveryRowIsARoute() {
        List<String> routes = staffRoutes();
        assertTrue(routes.size() >= 9, "staff routes in template.yaml: " + routes);
        assertEquals(new TreeSet<>(routes), new TreeSet<>(cases().keySet()),
                "each staff route of template.yaml needs its row in the authorisation matrix");
    }

    @TestFactory
    List<DynamicTest> eachStaffRouteAnswersEachCallerWithItsStatus() {
        StaffTokens tokens = TestStack.get().staffTokens();
        Api api = TestStack.api();
        List<DynamicTest> tests = new ArrayList<>();
        for (String routeKey : staffRoutes()) {
            Case c = cases().get(routeKey);
            String method = routeKey.substring(0, routeKey.indexOf(' '));
            Map<String, String> calls = new LinkedHashMap<>();
            calls.put("no token", null);
            calls.put("a bad signature", tokens.bearer(tokens.idTokenSignedByAnotherKey(c.right())));
            calls.put("an expired token", tokens.bearer(tokens.expiredIdToken(c.right())));
            calls.put("the wrong audience", tokens.bearer(tokens.idTokenForAudience(c.right(), "someone-elses-app")));
            calls.put("the wrong role", tokens.bearer(tokens.idToken(c.wrongRole())));
            if (c.wrongUnit() != null) {
                calls.put("the wrong unit", tokens.bearer(tokens.idToken(c.wrongUnit())));
            }
            calls.put("the right caller", tokens.bearer(tokens.idToken(c.right())));
            calls.forEach((who, authorization) -> tests.add(DynamicTest.dynamicTest(routeKey + " with " + who, () -> {
                int expected = switch (who) {
                    case "the right caller" -> c.success();
                    case "the wrong role", "the wrong unit" -> 403;
                    default -> 401;
                };
                Map<String, String> headers = new HashMap<>();
                if (authorization != null) {
                    headers.put("Authorization", authorization);
                }
                headers.put("Idempotency-Key", UUID.randomUUID().toString());
                String body = c.body() == null ? null : Json.write(c.body().get());
                Api.Reply reply = switch (method) {
                    case "GET" -> api.get(c.path(), headers);
                    case "POST" -> api.post(c.path(), body, headers);
                    case "PUT" -> api.put(c.path(), body, headers);
                    case "DELETE" -> api.delete(c.path(), headers);
                    default -> throw new AssertionError(method);
                };
                assertEquals(expected, reply.status(), routeKey + " with " + who + ": " + reply.body());
            })));
        }
        return tests;
    }
}

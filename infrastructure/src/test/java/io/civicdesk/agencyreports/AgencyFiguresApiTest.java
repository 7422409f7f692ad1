package io.civicdesk.agencyreports;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.agencies.Agency;
import io.civicdesk.agencies.AgencyStore;
import io.civicdesk.agencies.Agreement;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.figures.Figures;
import io.civicdesk.figures.FiguresStore;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.reports.ReportFixtures;
import io.civicdesk.reports.ReportPeriod;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmarking, the officers' agency list and a stored report sent again: an account manager sees her own agencies
 * side by side and nobody else's, each row's counts exactly its raw requests'; any member of staff reads the agencies'
 * names and nothing more; an agency's account manager (or an administrator) resends a stored report once per
 * Idempotency-Key, and another manager cannot.
 */
class AgencyFiguresApiTest {
    private static final Api API = TestStack.api();
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");
    private static final Map<String, String> OFFICER = Api.signedInAs("demo-officer-waste");
    private static final Map<String, String> OTHER_MANAGER = Api.signedInAs("demo-account-manager");
    private static final List<String> SERVICES = List.of("missed-bin", "pothole");
    /** Long past and before every other test's agreements, so only this test's agencies are reported for it. */
    private static final ReportPeriod QUARTER = ReportPeriod.containing(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2019, 8, 15));
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** Hers: two agencies; the demo account manager's: one, which she must never see. */
    private static final String MINE_A = "bench-" + RUN + "-a";
    private static final String MINE_B = "bench-" + RUN + "-b";
    private static final String THEIRS = "bench-" + RUN + "-c";

    record Raw(String agency, String service, LocalDate submitted, boolean respondedInTime, boolean resolved,
               boolean resolvedInTime) {
    }

    private static final List<Raw> requests = new ArrayList<>();
    private static StaffMember manager;

    @BeforeAll
    static void threeAgenciesWithAQuarterOfRequestsAndTheirReports() {
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        manager = ReportFixtures.accountManager();
        AgencyStore agencies = new AgencyStore(dynamo, "CatalogTable");
        for (String id : List.of(MINE_A, MINE_B, THEIRS)) {
            agencies.save(new Agency(id, "Agency " + id, id.equals(THEIRS) ? "demo-account-manager" : manager.id(),
                    List.of(new Agency.Contact(Agency.Role.BUSINESS_MANAGER, "Contact", "contact@" + id + ".example",
                            "token-" + id, false)), 1));
            agencies.add(new Agreement(id, 1, LocalDate.of(2019, 1, 1), Agreement.Frequency.QUARTERLY, null,
                    LocalDate.of(2020, 1, 1), SERVICES.stream().map(s -> new Agreement.Target(s, null, null, null)).toList()));
            // Monthly after the quarter, so other tests' quarterly runs of later quarters leave these agencies out.
            agencies.add(new Agreement(id, 2, QUARTER.last().plusDays(1), Agreement.Frequency.MONTHLY, null,
                    LocalDate.of(2021, 1, 1), SERVICES.stream().map(s -> new Agreement.Target(s, null, null, null)).toList()));
        }
        Random random = new Random(2019);
        FiguresStore figures = new FiguresStore(dynamo, "FiguresTable");
        for (int i = 0; i < 150; i++) {
            String agency = List.of(MINE_A, MINE_B, THEIRS).get(random.nextInt(3));
            Raw r = new Raw(agency, SERVICES.get(random.nextInt(2)), QUARTER.first().plusDays(random.nextInt(92)),
                    random.nextInt(4) > 0, random.nextInt(5) > 0, random.nextInt(3) > 0);
            requests.add(r);
            List<FiguresStore.Change> changes = new ArrayList<>(List.of(new FiguresStore.Received("phone"),
                    new FiguresStore.Responded(30 + random.nextInt(600), r.respondedInTime())));
            if (!r.respondedInTime()) {
                changes.add(new FiguresStore.ResponseBreached());
            }
            if (r.resolved()) {
                changes.add(new FiguresStore.Resolved(600 + random.nextInt(6000), r.resolvedInTime(), false));
                if (!r.resolvedInTime()) {
                    changes.add(new FiguresStore.ResolutionBreached());
                }
            } else {
                figures.apply(figures.agencyOpenUpdate(agency, r.service(), 1));
            }
            figures.apply(figures.agencyUpdate(agency, r.service(), r.submitted(), changes));
        }
        // The quarter's reports, stored (and mailed) as the schedule would on 1 October.
        AgencyReportFixtures.reports(Clock.fixed(Instant.parse("2019-09-30T23:30:00Z"), ZoneOffset.UTC)).run(ReportPeriod.Kind.QUARTERLY);
    }

    private static List<Raw> of(String agency) {
        return requests.stream().filter(r -> r.agency().equals(agency)).toList();
    }

    private static JsonNode row(JsonNode rows, String id) {
        for (JsonNode row : rows) {
            if (row.path("id").asText().equals(id)) {
                return row;
            }
        }
        return null;
    }

    private static String benchmarks(String query) {
        return "/staff/agency-benchmarks?" + query;
    }

    @Test
    void anAccountManagerSeesHerOwnAgenciesSideBySideEachExactlyItsRawRequests() {
        Api.Reply reply = API.get(benchmarks("kind=quarterly&from=" + QUARTER.first().plusDays(20)), Api.signedInAs(manager));
        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals(QUARTER.key(), body.path("periodKey").asText());
        assertTrue(body.path("complete").asBoolean());
        List<String> ids = new ArrayList<>();
        body.path("agencies").forEach(row -> ids.add(row.path("id").asText()));
        assertEquals(List.of(MINE_A, MINE_B), ids, "her agencies, by name, and no one else's");
        assertFalse(reply.body().contains(THEIRS), "another manager's agency is not named, nor counted");
        assertEquals(0, body.path("units").size(), "she has no report account, so no units");
        for (String agency : List.of(MINE_A, MINE_B)) {
            JsonNode row = row(body.path("agencies"), agency);
            List<Raw> raw = of(agency);
            List<Raw> resolved = raw.stream().filter(Raw::resolved).toList();
            assertEquals(raw.size(), row.path("received").asLong(), agency);
            assertEquals(resolved.size(), row.path("resolved").asLong(), agency);
            assertEquals(raw.stream().filter(r -> !r.resolved()).count(), row.path("open").asLong(), agency);
            assertEquals(raw.stream().filter(r -> !r.respondedInTime()).count()
                    + resolved.stream().filter(r -> !r.resolvedInTime()).count(), row.path("breaches").asLong(), agency);
            assertEquals((double) resolved.stream().filter(Raw::resolvedInTime).count() / resolved.size(),
                    row.path("resolutionInTarget").asDouble(), 1e-9, agency);
            assertEquals((double) raw.stream().filter(Raw::respondedInTime).count() / raw.size(),
                    row.path("responseInTarget").asDouble(), 1e-9, agency);
            assertTrue(row.path("p90ResolutionHours").asDouble() >= row.path("p50ResolutionHours").asDouble(), agency);
        }
        int bound = 2 * SERVICES.size() * 92 + 50;
        assertTrue(body.path("itemsRead").asInt() <= bound + new AgencyStore(TestStack.get().dynamoDb(), "CatalogTable")
                .all().agencies().size() * 3, "days, not requests: " + body.path("itemsRead"));

        Api.Reply oneService = API.get(benchmarks("from=" + QUARTER.first() + "&serviceId=pothole"), Api.signedInAs(manager));
        assertEquals(200, oneService.status(), oneService.body());
        assertEquals(of(MINE_A).stream().filter(r -> r.service().equals("pothole")).count(),
                row(oneService.json().path("agencies"), MINE_A).path("received").asLong(), "one service's figures");
    }

    @Test
    void anAdministratorSeesEveryAgencyAndTheUnitsEachAsItsDayFiguresSay() {
        Api.Reply reply = API.get(benchmarks("kind=quarterly&from=" + QUARTER.first()), ADMIN);
        assertEquals(200, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals(of(THEIRS).size(), row(body.path("agencies"), THEIRS).path("received").asLong());
        assertTrue(body.path("units").size() > 0, reply.body());
        JsonNode unit = body.path("units").get(0);
        Map<String, Figures> raw = new HashMap<>();
        ReportFixtures.figures().periodFigures(List.of(unit.path("id").asText()), QUARTER.first(), QUARTER.last()).figures()
                .forEach((key, figures) -> raw.computeIfAbsent("all", k -> new Figures()).merge(figures));
        assertEquals(raw.getOrDefault("all", new Figures()).received(), unit.path("received").asLong(), unit.toString());

        Api.Reply latest = API.get("/staff/agency-benchmarks", ADMIN);
        assertEquals(200, latest.status(), latest.body());
        LocalDate today = LocalDate.ofInstant(TestStack.clock().instant(), ZoneId.of("Australia/Perth"));
        assertEquals(ReportPeriod.lastCompleteBefore(ReportPeriod.Kind.QUARTERLY, today).key(),
                latest.json().path("periodKey").asText(), "the last complete quarter by default");
    }

    @Test
    void mistakesAreNamedByTheirFieldAndOfficersMayNotCompare() {
        assertNotNull(API.get(benchmarks("kind=yearly"), ADMIN).error("kind"));
        assertNotNull(API.get(benchmarks("from=1-2-2019"), ADMIN).error("from"));
        assertNotNull(API.get(benchmarks("kind=weekly&from=2999-01-01"), ADMIN).error("from"));
        assertNotNull(API.get(benchmarks("serviceId=no-such-service"), ADMIN).error("serviceId"));
        assertEquals(403, API.get(benchmarks("kind=quarterly"), OFFICER).status());
    }

    @Test
    void anyMemberOfStaffReadsTheAgenciesNamesAndNothingMore() {
        Api.Reply reply = API.get("/staff/agency-names", OFFICER);
        assertEquals(200, reply.status(), reply.body());
        JsonNode named = row(reply.json().path("agencies"), MINE_A);
        assertNotNull(named, reply.body());
        assertEquals("Agency " + MINE_A, named.path("name").asText());
        for (String kept : List.of("contact@", "accountManagerId", "received", "open", "email")) {
            assertFalse(reply.body().contains(kept), kept + " in " + reply.body());
        }
    }

    @Test
    void herAgencysStoredReportIsSentAgainOncePerKeyAndNotByAnotherManager() {
        Map<String, String> asManager = Api.signedInAs(manager);
        Api.Reply listed = API.get("/staff/agencies/" + MINE_A + "/reports", asManager);
        assertEquals(200, listed.status(), listed.body());
        assertEquals(QUARTER.key(), listed.json().path("reports").get(0).path("periodKey").asText());
        assertFalse(listed.body().contains("csv"), "the CSV goes by mail, not to the page");
        assertEquals(404, API.get("/staff/agencies/" + MINE_A + "/reports", OTHER_MANAGER).status());

        String path = "/staff/agencies/" + MINE_A + "/reports/" + QUARTER.key() + "/resend";
        Map<String, String> once = new HashMap<>(asManager);
        once.put("Idempotency-Key", "resend-" + UUID.randomUUID());
        Api.Reply sent = API.post(path, "", once);
        assertEquals(200, sent.status(), sent.body());
        assertEquals(2, sent.json().path("mailed").asInt(), "its contact and its account manager");
        Api.Reply retried = API.post(path, "", once);
        assertEquals(sent.body(), retried.body(), "a retry is given the first answer");

        String contact = "contact@" + MINE_A + ".example";
        Message mail = Mailbox.awaitMailTo(contact, m -> m.subject().contains("(sent again)"));
        Message first = Mailbox.awaitMailTo(contact, m -> !m.subject().contains("(sent again)"));
        assertEquals(new String(first.attachments().get(0).content(), StandardCharsets.UTF_8),
                new String(mail.attachments().get(0).content(), StandardCharsets.UTF_8), "the CSV as first mailed");
        assertTrue(mail.text().contains("#token=token-" + MINE_A), "the contact can still unsubscribe");
        Mailbox.awaitMailTo(manager.email(), m -> m.subject().contains("(sent again)"));

        assertEquals(404, API.post(path, "", OTHER_MANAGER).status(), "another manager's agency is not hers to resend");
        assertEquals(404, API.post("/staff/agencies/" + MINE_A + "/reports/QUARTERLY-2019-08-01/resend", "", asManager).status());
        assertEquals(403, API.post(path, "", OFFICER).status());
        Api.Reply byAdmin = API.post(path, "", ADMIN);
        assertEquals(200, byAdmin.status(), byAdmin.body());
        assertEquals(2, Mailbox.awaitMailsTo(contact, m -> m.subject().contains("(sent again)"), 2).size(),
                "the key's retry queued nothing more: its resend and the administrator's");
    }
}

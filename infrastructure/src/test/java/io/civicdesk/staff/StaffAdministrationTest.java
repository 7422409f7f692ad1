package io.civicdesk.staff;

import java.util.Optional;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.RequestWiring;
import io.civicdesk.directory.StaffDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.CatalogStore;
import io.civicdesk.demo.DemoData;
import io.civicdesk.demo.MovableClock;
import io.civicdesk.deploy.FirstAdministrator;
import io.civicdesk.local.LocalStack;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Refusal;
import io.civicdesk.platform.Json;
import io.civicdesk.platform.StaffCaller;
import io.civicdesk.platform.StaffCaller.Role;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.SignInPage;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council from an empty account: a stack of its own with the council's catalogue but no staff, its first
 * administrator made by the first-admin path, who adds an officer and a supervisor through the API the staff page
 * uses. The officer signs in through the sign-in page (which lists them), takes an overdue request, and the
 * warnings run mails the supervisor; disabling the officer ends their sign-in and their place in the lists, not
 * their history. The stack runs on Wednesday 2 December 2026; the request came in the Thursday before.
 */
class StaffAdministrationTest {
    private static final Instant WEDNESDAY = OffsetDateTime.parse("2026-12-02T10:00+08:00").toInstant();
    private static final Instant THURSDAY_BEFORE = OffsetDateTime.parse("2026-11-26T09:00+08:00").toInstant();
    private static final String ADMIN_EMAIL = "first.admin@melaleuca.example";

    private static LocalStack stack;
    private static Api api;
    private static Map<String, String> admin;

    @BeforeAll
    static void anEmptyCouncil() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0).eventSources(true).now(WEDNESDAY));
        api = new Api(stack.apiUrl());
        // The catalogue, as ./civicdesk seed writes it into a new stack; nobody works here yet.
        DemoData.seed(stack.dynamoDb(), "CatalogTable", stack.clock());
        assertTrue(SignInPage.open(stack).listed().isEmpty(), "nobody can sign in yet");
        StaffAdministration.Member first = FirstAdministrator.add(stack.cognito(), stack.userPoolId("StaffUserPool"),
                stack.dynamoDb(), "CatalogTable", ADMIN_EMAIL, "Robin Fairweather");
        assertEquals(List.of("admin"), first.roles());
        admin = signedIn("Robin Fairweather");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anAdministratorAddsStaffWhoSignInAreAssignedWorkAndAreWarnedUntilTheyAreDisabled() throws Exception {
        JsonNode officer = added(Map.of("email", "Kai.Walsh@Melaleuca.example", "name", "Kai Walsh",
                "roles", List.of("officer"), "unitId", "waste"));
        assertEquals("kai.walsh@melaleuca.example", officer.path("email").asText(), "sign-in does not tell case apart");
        assertEquals("Waste Services", officer.path("unitName").asText());
        JsonNode supervisor = added(Map.of("email", "noor.haddad@melaleuca.example", "name", "Noor Haddad",
                "roles", List.of("supervisor")));
        String officerId = officer.path("id").asText();

        // The sign-in page lists them straight away, with what the pool holds; their tokens say who they are.
        Map<String, String> listed = SignInPage.open(stack).listed();
        assertEquals(officerId, listed.get("Kai Walsh"));
        assertTrue(listed.containsKey("Noor Haddad") && listed.containsKey("Robin Fairweather"), listed.toString());
        Map<String, String> kai = signedIn("Kai Walsh");
        Map<String, String> noor = signedIn("Noor Haddad");
        JsonNode me = ok(api.get("/staff/me", kai));
        assertEquals(officerId, me.path("id").asText());
        assertEquals("waste", me.path("unit").path("id").asText());
        assertFalse(me.path("can").path("manageStaff").asBoolean());
        assertTrue(ok(api.get("/staff/me", admin)).path("can").path("manageStaff").asBoolean());
        assertTrue(officerNames(noor).contains("Kai Walsh"), "on the assignment list of their unit");

        // A request from last Thursday, well past its first response target; Kai takes it.
        String reference = overdueRequest();
        JsonNode assigned = act(kai, reference, Map.of("action", "assign", "officerId", officerId));
        assertEquals("Kai Walsh", assigned.path("assignee").path("name").asText());
        stack.runSchedules("ServiceLevelWarningsFunction");
        Message breach = awaitMail(supervisor.path("email").asText(), mail -> mail.subject().startsWith("Missed target: "));
        assertTrue(breach.text().contains("/staff/request.html?ref=" + reference), breach.text());
        awaitMail("kai.walsh@melaleuca.example", mail -> mail.subject().startsWith("Missed target: "));

        // Kai leaves.
        JsonNode disabled = ok(api.put("/staff/members/" + officerId, Json.write(Map.of("name", "Kai Walsh",
                "roles", List.of("officer"), "unitId", "waste", "enabled", false, "version", officer.path("version").asLong())), admin));
        assertFalse(disabled.path("enabled").asBoolean());
        assertFalse(disabled.path("signInPending").asBoolean());
        assertFalse(stack.cognito().adminGetUser(get -> get.userPoolId(stack.userPoolId("StaffUserPool")).username(officerId)).enabled(),
                "the account is disabled in the user pool");
        SignInPage page = SignInPage.open(stack);
        assertFalse(page.listed().containsKey("Kai Walsh"), "no longer on the sign-in page");
        assertEquals(400, page.choose(officerId).statusCode(), "nor can they sign in from a page shown before");
        assertFalse(officerNames(noor).contains("Kai Walsh"), "off the assignment list");
        Api.Reply toKai = post(noor, "/staff/requests/" + reference + "/actions", Map.of("action", "assign", "officerId", officerId,
                "expectedVersion", ok(api.get("/staff/requests/" + reference, noor)).path("version").asLong()));
        assertTrue(toKai.error("officerId").contains("no longer works here"), toKai.body());

        // Their history stays: the request still names them, and the staff list keeps them, disabled.
        JsonNode request = ok(api.get("/staff/requests/" + reference, noor));
        assertEquals("Kai Walsh", request.path("assignee").path("name").asText());
        assertTrue(request.path("history").toString().contains("Kai Walsh"), request.path("history").toString());
        JsonNode kept = member(officerId);
        assertFalse(kept.path("enabled").asBoolean());
        assertEquals(2, kept.path("version").asLong());

        // And back again: enabled, they can sign in and be given work.
        ok(api.put("/staff/members/" + officerId, Json.write(Map.of("name", "Kai Walsh", "roles", List.of("officer"),
                "unitId", "waste", "enabled", true, "version", 2)), admin));
        assertTrue(SignInPage.open(stack).listed().containsKey("Kai Walsh"));
        assertTrue(officerNames(noor).contains("Kai Walsh"));
    }

    @Test
    void aChangeOfNameRolesAndUnitReachesTheNextSignInAndTheDirectory() throws Exception {
        JsonNode added = added(Map.of("email", "sam.okoro@melaleuca.example", "name", "Sam Okoro",
                "roles", List.of("officer"), "unitId", "waste"));
        JsonNode changed = ok(api.put("/staff/members/" + added.path("id").asText(), Json.write(Map.of("name", "Samuel Okoro",
                "roles", List.of("officer", "supervisor"), "unitId", "roads", "version", 1)), admin));
        assertEquals(List.of("officer", "supervisor"), Json.MAPPER.convertValue(changed.path("roles"), List.class));
        assertEquals("Roads and Drainage", changed.path("unitName").asText());
        JsonNode me = ok(api.get("/staff/me", signedIn("Samuel Okoro")));
        assertEquals("[\"officer\",\"supervisor\"]", me.path("roles").toString());
        assertEquals("roads", me.path("unit").path("id").asText());

        // Across units: the unit goes from the account too.
        ok(api.put("/staff/members/" + added.path("id").asText(), Json.write(Map.of("name", "Samuel Okoro",
                "roles", List.of("supervisor"), "version", 2)), admin));
        assertTrue(ok(api.get("/staff/me", signedIn("Samuel Okoro"))).path("unit").isNull());

        Api.Reply stale = api.put("/staff/members/" + added.path("id").asText(), Json.write(Map.of("name", "Sam Okoro",
                "roles", List.of("supervisor"), "version", 1)), admin);
        assertEquals(409, stale.status(), stale.body());
        assertEquals("Samuel Okoro", stale.json().path("current").path("name").asText());
    }

    @Test
    void whatIsWrongIsNamedFieldByFieldAndNothingIsMade() throws Exception {
        int before = ok(api.get("/staff/members", admin)).path("members").size();
        Api.Reply wrong = api.post("/staff/members", Json.write(Map.of("email", "not-an-email", "name", " ",
                "roles", List.of("wizard"), "unitId", "nowhere")), admin);
        for (String field : List.of("email", "name", "roles", "unitId")) {
            wrong.assertNames(field);
        }
        api.post("/staff/members", Json.write(Map.of("email", "lee.ng@melaleuca.example", "name", "Lee Ng",
                "roles", List.of("officer"))), admin).assertNames("unitId");
        api.post("/staff/members", Json.write(Map.of("email", "lee.ng@melaleuca.example", "name", "Lee Ng")), admin).assertNames("roles");
        assertEquals(before, ok(api.get("/staff/members", admin)).path("members").size());
        assertFalse(SignInPage.open(stack).listed().containsKey("Lee Ng"));

        Api.Reply again = api.post("/staff/members", Json.write(Map.of("email", ADMIN_EMAIL.toUpperCase(), "name", "Robin F",
                "roles", List.of("officer"), "unitId", "waste")), admin);
        assertEquals(409, again.status(), again.body());
        assertNotNull(again.error("email"), again.body());
        assertEquals(List.of("admin"), Json.MAPPER.convertValue(member(ok(api.get("/staff/me", admin)).path("id").asText())
                .path("roles"), List.class), "the one on the list is left as they were");

        String adminId = ok(api.get("/staff/me", admin)).path("id").asText();
        Api.Reply self = api.put("/staff/members/" + adminId, Json.write(Map.of("name", "Robin Fairweather",
                "roles", List.of("officer"), "unitId", "waste", "enabled", false, "version", 1)), admin);
        self.assertNames("enabled");
        self.assertNames("roles");
        Api.Reply noVersion = api.put("/staff/members/" + adminId, Json.write(Map.of("name", "Robin Fairweather",
                "roles", List.of("admin"))), admin);
        noVersion.assertNames("version");
        assertEquals(404, api.put("/staff/members/no-such-person", Json.write(Map.of("name", "X", "roles", List.of("admin"),
                "version", 1)), admin).status());
    }

    @Test
    void onlyAdministratorsSeeOrChangeWhoWorksHere() {
        JsonNode added = added(Map.of("email", "ari.stone@melaleuca.example", "name", "Ari Stone",
                "roles", List.of("supervisor", "account-manager")));
        Map<String, String> ari = signedIn("Ari Stone");
        assertEquals(403, api.get("/staff/members", ari).status());
        assertEquals(403, api.post("/staff/members", Json.write(Map.of("email", "x@melaleuca.example", "name", "X",
                "roles", List.of("admin"))), ari).status());
        assertEquals(403, api.put("/staff/members/" + added.path("id").asText(), Json.write(Map.of("name", "Ari Stone",
                "roles", List.of("admin"), "version", 1)), ari).status(), "nor make themselves an administrator");
        assertEquals(401, api.get("/staff/members", Map.of()).status());
    }

    @Test
    void whenSignInFailsPartWaySavingAgainFinishesTheJobWithNothingMadeTwice() {
        String pool = stack.userPoolId("StaffUserPool");
        FailingOnce accounts = new FailingOnce(new CognitoSignInAccounts(stack.cognito(), pool));
        StaffAdministration administration = new StaffAdministration(new StaffDirectory(stack.dynamoDb(), "CatalogTable"),
                accounts, new CatalogStore(stack.dynamoDb(), "CatalogTable"));
        StaffForm details = StaffFormReader.addition(Json.MAPPER.valueToTree(Map.of("email", "jo.pike@melaleuca.example", "name", "Jo Pike",
                "roles", List.of("officer"), "unitId", "roads")));

        // The account is made, its groups are not: nothing is on the staff list, and nobody can be assigned Jo.
        accounts.failNext("setRoles");
        assertEquals(502, assertThrowsApi(() -> administration.add(details)).status());
        assertNull(member("jo.pike@melaleuca.example", "email"), "not on the staff list");
        StaffAdministration.Member jo = administration.add(details);
        assertEquals(1, stack.cognito().listUsers(list -> list.userPoolId(pool).filter("email = \"jo.pike@melaleuca.example\""))
                .users().size(), "the account made the first time, not a second");
        assertEquals(List.of("officer"), stack.cognito().adminListGroupsForUser(list -> list.userPoolId(pool).username(jo.id()))
                .groups().stream().map(GroupType::groupName).toList());

        // A change saved on the list but not in sign-in shows as pending until it is saved again.
        accounts.failNext("update");
        Refusal failed = assertThrowsApi(() -> administration.change(callerOf(jo),
                jo.id(), StaffFormReader.change(Json.MAPPER.valueToTree(Map.of("name", "Jo Pike-Lee", "roles", List.of("officer"), "unitId", "roads", "version", 1)))));
        assertEquals(502, failed.status());
        JsonNode pending = member(jo.id(), "id");
        assertTrue(pending.path("signInPending").asBoolean());
        assertEquals(2, pending.path("version").asLong());
        StaffAdministration.Member settled = administration.change(callerOf(jo), jo.id(),
                StaffFormReader.change(Json.MAPPER.valueToTree(Map.of("name", "Jo Pike-Lee", "roles", List.of("officer"), "unitId", "roads", "version", 2))));
        assertFalse(settled.signInPending());
        assertFalse(member(jo.id(), "id").path("signInPending").asBoolean());
        assertTrue(SignInPage.open(stack).listed().containsKey("Jo Pike-Lee"), "the pool has the new name");
    }

    @Test
    void atSignInTheDirectoryFollowsTheAccountAndWhoeverItSaysHasLeftIsRefused() {
        String pool = stack.userPoolId("StaffUserPool");
        JsonNode added = added(Map.of("email", "mel.tran@melaleuca.example", "name", "Mel Tran", "roles", List.of("officer"),
                "unitId", "waste"));
        String id = added.path("id").asText();

        // Changed by hand in the console: at Mel's next sign-in the staff list has it too.
        stack.cognito().adminUpdateUserAttributes(update -> update.userPoolId(pool).username(id)
                .userAttributes(AttributeType.builder().name("custom:unit").value("roads").build()));
        signedIn("Mel Tran");
        JsonNode followed = member(id);
        assertEquals("roads", followed.path("unitId").asText());
        assertEquals(2, followed.path("version").asLong());

        // Disabled on the list, but the pool did not take it: the sign-in is refused all the same.
        FailingOnce accounts = new FailingOnce(new CognitoSignInAccounts(stack.cognito(), pool));
        accounts.failNext("disable");
        StaffAdministration administration = new StaffAdministration(new StaffDirectory(stack.dynamoDb(), "CatalogTable"),
                accounts, new CatalogStore(stack.dynamoDb(), "CatalogTable"));
        StaffAdministration.Member mel = new StaffAdministration.Member(id, "Mel Tran", null, List.of(), null, null, true, 2, false);
        assertEquals(502, assertThrowsApi(() -> administration.change(callerOf(mel), id, StaffFormReader.change(Json.MAPPER.valueToTree(Map.of(
                "name", "Mel Tran", "roles", List.of("officer"), "unitId", "roads", "enabled", false, "version", 2))))).status());
        SignInPage page = SignInPage.open(stack);
        assertEquals(id, page.listed().get("Mel Tran"), "the pool still lets them in");
        HttpResponse<String> refused = page.choose(id);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("disabled"), refused.body());
    }

    /** The user pool, failing the named call once when told to. */
    private static final class FailingOnce implements SignInAccounts {
        private final SignInAccounts pool;
        private String failing;

        FailingOnce(SignInAccounts pool) {
            this.pool = pool;
        }

        void failNext(String call) {
            failing = call;
        }

        private void maybeFail(String call) {
            if (call.equals(failing)) {
                failing = null;
                throw new Failure(call + " failed: TooManyRequestsException", null);
            }
        }

        @Override
        public Opened open(String email, String name, String unitId) {
            maybeFail("open");
            return pool.open(email, name, unitId);
        }

        @Override
        public void update(String id, String name, String unitId) {
            maybeFail("update");
            pool.update(id, name, unitId);
        }

        @Override
        public void setRoles(String id, Set<Role> roles) {
            maybeFail("setRoles");
            pool.setRoles(id, roles);
        }

        @Override
        public void disable(String id) {
            maybeFail("disable");
            pool.disable(id);
        }

        @Override
        public void enable(String id) {
            maybeFail("enable");
            pool.enable(id);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Refusal assertThrowsApi(Executable call) {
        return assertThrows(Refusal.class, call);
    }

    /** Someone else than {@code member}: the administrator, as far as the service can tell. */
    private static StaffCaller callerOf(StaffAdministration.Member member) {
        return new StaffCaller("another-" + member.id(), "Another administrator", null,
                Set.of(Role.ADMIN), null);
    }

    /** The staff list's member whose {@code field} is {@code value}; null if none. */
    private static JsonNode member(String value, String field) {
        for (JsonNode member : ok(api.get("/staff/members", admin)).path("members")) {
            if (member.path(field).asText().equals(value)) {
                return member;
            }
        }
        return null;
    }

    private static JsonNode added(Map<String, Object> details) {
        Api.Reply reply = api.post("/staff/members", Json.write(details), admin);
        assertEquals(201, reply.status(), reply.body());
        JsonNode member = reply.json();
        assertTrue(member.path("enabled").asBoolean());
        assertEquals(1, member.path("version").asLong());
        return member;
    }

    private static JsonNode member(String id) {
        JsonNode member = member(id, "id");
        assertNotNull(member, "on the staff list: " + id);
        return member;
    }

    private static Map<String, String> signedIn(String name) {
        return Map.of("Authorization", "Bearer " + SignInPage.open(stack).idTokenOf(name));
    }

    private static List<String> officerNames(Map<String, String> as) {
        List<String> names = new ArrayList<>();
        ok(api.get("/staff/officers?unit=waste", as)).path("officers").forEach(officer -> names.add(officer.path("name").asText()));
        return names;
    }

    /** A resident's missed bin, reported last Thursday: the council's now is days past its targets. */
    private static String overdueRequest() throws Exception {
        SubmitRequestService submissions = RequestWiring.of(stack.dynamoDb(), "RequestsTable", "CatalogTable", "OutboxTable",
                new MovableClock(THURSDAY_BEFORE, DemoData.PERTH), stack.baseUrl()).submissions();
        Map<String, Object> report = new HashMap<>(Reports.missedBin("resident+overdue@example.com"));
        report.put("answers", Map.of("bin-type", "Recycling (yellow lid)", "collection-day", "2026-11-26", "out-by-6am", "Yes"));
        return Json.MAPPER.readTree(submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(report)), Optional.empty()).body()).path("reference").asText();
    }

    private static JsonNode act(Map<String, String> as, String reference, Map<String, Object> action) {
        Map<String, Object> body = new HashMap<>(action);
        body.put("expectedVersion", ok(api.get("/staff/requests/" + reference, as)).path("version").asLong());
        return ok(post(as, "/staff/requests/" + reference + "/actions", body));
    }

    private static Api.Reply post(Map<String, String> as, String path, Object body) {
        return api.post(path, Json.write(body), as);
    }

    private static JsonNode ok(Api.Reply reply) {
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.body());
        return reply.json();
    }

    private static Message awaitMail(String to, Predicate<Message> which) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (Message mail : stack.mailbox().messages()) {
                if (mail.to().contains(to) && which.test(mail)) {
                    return mail;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No such mail reached " + to + " within 15 seconds");
    }
}

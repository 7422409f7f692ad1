package io.civicdesk.staff;

import java.util.Optional;
import io.civicdesk.requests.SubmissionReader;
import io.civicdesk.requests.RequestWiring;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Idempotency;
import io.civicdesk.platform.Json;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /staff/queue} over a unit of its own: requests submitted days apart (so they fall due apart),
 * assigned, prioritised, paused and finished, then every filter, the counts, the order and the paging.
 */
@DependsOnTheDate
class StaffQueueTest {
    private static StaffApi.OwnUnit unit;
    private static StaffApi officer;
    /** name → reference */
    private static final Map<String, String> requests = new HashMap<>();

    @BeforeAll
    static void aUnitWithRequestsInEveryState() {
        unit = StaffApi.OwnUnit.create("queue");
        officer = StaffApi.as(unit.officer());
        DynamoDbClient dynamo = TestStack.get().dynamoDb();
        for (Object[] spec : new Object[][] {{"oldest", 12}, {"old", 6}, {"recent", 2}, {"today", 0}, {"acknowledged", 0},
                {"resolved", 3}, {"waiting", 1}}) {
            Clock clock = Clock.fixed(TestStack.clock().instant().minus(Duration.ofDays((Integer) spec[1])), ZoneOffset.UTC);
            SubmitRequestService submissions = RequestWiring.of(dynamo, "RequestsTable", "CatalogTable", "OutboxTable",
                    clock, TestStack.get().baseUrl()).submissions();
            Map<String, Object> report = new HashMap<>(unit.report(StaffApi.email()));
            report.remove("contact");
            report.put("preferredChannel", "none");
            Idempotency.Answer submitted = submissions.submit(SubmissionReader.report(Json.MAPPER.valueToTree(report)), Optional.empty());
            assertEquals(201, submitted.status(), submitted.body());
            requests.put((String) spec[0], Json.parseBody(submitted.body()).path("reference").asText());
        }
        officer.done(requests.get("acknowledged"), Map.of("action", "acknowledge"));
        officer.done(requests.get("resolved"), Map.of("action", "resolve", "resolution", "Done."));
        officer.done(requests.get("waiting"), Map.of("action", "status", "status", "waiting-on-customer", "publicMessage", "Which bin?"));
        officer.done(requests.get("old"), Map.of("action", "assign", "officerId", unit.officer().id()));
        officer.done(requests.get("recent"), Map.of("action", "assign", "officerId", unit.officer().id()));
        officer.done(requests.get("today"), Map.of("action", "assign", "officerId", unit.colleague().id()));
        officer.done(requests.get("recent"), Map.of("action", "priority", "priority", "urgent"));
    }

    private static JsonNode queue(String query) {
        Api.Reply reply = officer.get("/staff/queue?unit=" + unit.unitId() + (query.isEmpty() ? "" : "&" + query));
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> refs(JsonNode page) {
        List<String> refs = new ArrayList<>();
        page.path("items").forEach(item -> refs.add(item.path("reference").asText()));
        return refs;
    }

    private static Set<String> named(String... names) {
        Set<String> refs = new HashSet<>();
        for (String name : names) {
            refs.add(requests.get(name));
        }
        return refs;
    }

    @Test
    void theOpenQueueHoldsEveryUnfinishedRequestWhatFallsDueFirstFirst() {
        JsonNode page = queue("");
        assertEquals(named("oldest", "old", "recent", "today", "acknowledged", "waiting"), new HashSet<>(refs(page)));
        List<String> dueTimes = new ArrayList<>();
        page.path("items").forEach(item -> dueTimes.add(item.path("due").path("at").asText()));
        List<String> sorted = new ArrayList<>(dueTimes);
        sorted.sort(String::compareTo);
        assertEquals(sorted, dueTimes, "ordered by due time");
        assertEquals(requests.get("oldest"), refs(page).get(0));
        JsonNode acknowledged = page.path("items").get(refs(page).indexOf(requests.get("acknowledged")));
        assertEquals("resolution", acknowledged.path("due").path("kind").asText());
        assertTrue(page.path("nextCursor").isMissingNode(), "one page holds them all");
    }

    @Test
    void theDoneViewHoldsFinishedRequests() {
        JsonNode done = queue("view=done");
        assertEquals(List.of(requests.get("resolved")), refs(done));
        assertNotNull(done.path("items").get(0).path("finishedAt").textValue());
        assertTrue(done.path("items").get(0).path("due").isNull());
    }

    @Test
    void assignedToMeToSomeoneAndUnassigned() {
        assertEquals(named("old", "recent"), new HashSet<>(refs(queue("assigned=me"))));
        assertEquals(named("today"), new HashSet<>(refs(queue("assigned=" + unit.colleague().id()))));
        assertEquals(named("oldest", "acknowledged", "waiting"), new HashSet<>(refs(queue("assigned=unassigned"))));
    }

    @Test
    void byStatusPriorityAndService() {
        assertEquals(List.of(requests.get("acknowledged")), refs(queue("status=acknowledged")));
        assertEquals(List.of(requests.get("waiting")), refs(queue("status=waiting-on-customer")));
        assertEquals(List.of(requests.get("recent")), refs(queue("priority=urgent")));
        assertEquals(List.of(requests.get("recent")), refs(queue("priority=urgent&assigned=me")));
        assertEquals(6, refs(queue("service=" + unit.serviceId())).size());
        assertEquals(List.of(), refs(queue("service=missed-bin")));
    }

    @Test
    void dueSoonAndOverdueAreWhatTheirDueTimesSayAndNeverAPausedRequest() {
        JsonNode all = queue("");
        Instant now = TestStack.clock().instant();
        Set<String> overdue = new HashSet<>();
        Set<String> soon = new HashSet<>();
        all.path("items").forEach(item -> {
            Instant due = Instant.parse(item.path("due").path("at").asText());
            boolean paused = item.path("paused").asBoolean();
            if (!paused && due.isBefore(now)) {
                overdue.add(item.path("reference").asText());
                assertTrue(item.path("overdue").asBoolean());
            } else if (!paused && due.isBefore(now.plus(Duration.ofHours(24)))) {
                soon.add(item.path("reference").asText());
            }
        });
        assertTrue(overdue.contains(requests.get("oldest")), "submitted 12 days ago: overdue");
        assertFalse(overdue.contains(requests.get("waiting")));
        assertEquals(overdue, new HashSet<>(refs(queue("due=overdue"))));
        assertEquals(soon, new HashSet<>(refs(queue("due=soon"))));
        JsonNode counts = all.path("counts");
        assertEquals(overdue.size(), counts.path("overdue").asInt());
        assertEquals(soon.size(), counts.path("dueSoon").asInt());
    }

    @Test
    void theCountsCoverTheUnitsOpenRequestsWhateverTheFilter() {
        JsonNode counts = queue("priority=urgent").path("counts");
        assertEquals(6, counts.path("open").asInt());
        assertEquals(3, counts.path("unassigned").asInt());
        assertEquals(2, counts.path("assignedToMe").asInt());
        assertEquals(1, counts.path("paused").asInt());
        assertEquals(1, counts.path("byStatus").path("acknowledged").asInt());
        assertEquals(1, counts.path("byStatus").path("waiting-on-customer").asInt());
        assertEquals(4, counts.path("byStatus").path("received").asInt());
        assertEquals(1, counts.path("byPriority").path("urgent").asInt());
        assertEquals(5, counts.path("byPriority").path("normal").asInt());
        assertEquals(6, counts.path("byService").path(unit.serviceId()).asInt());
    }

    @Test
    void pagesOfTwoFollowTheCursorToTheSameOrderAndCountsComeWithTheFirstPageOnly() {
        List<String> whole = refs(queue(""));
        List<String> paged = new ArrayList<>();
        JsonNode page = queue("limit=2");
        assertFalse(page.path("counts").isNull());
        int pages = 1;
        while (true) {
            paged.addAll(refs(page));
            assertTrue(page.path("items").size() <= 2);
            if (page.path("nextCursor").isMissingNode()) {
                break;
            }
            page = queue("limit=2&cursor=" + URLEncoder.encode(page.path("nextCursor").asText(), StandardCharsets.UTF_8));
            assertTrue(page.path("counts").isNull());
            assertTrue(++pages < 10);
        }
        assertEquals(whole, paged);

        List<String> unassigned = new ArrayList<>();
        JsonNode filtered = queue("assigned=unassigned&limit=1");
        while (true) {
            unassigned.addAll(refs(filtered));
            if (filtered.path("nextCursor").isMissingNode()) {
                break;
            }
            filtered = queue("assigned=unassigned&limit=1&cursor=" + filtered.path("nextCursor").asText());
        }
        assertEquals(refs(queue("assigned=unassigned")), unassigned);
    }

    @Test
    void aCursorFromAnotherQueryOrBadParametersAre400sNamingThem() {
        String cursor = queue("limit=1").path("nextCursor").asText();
        Api.Reply reused = officer.get("/staff/queue?unit=" + unit.unitId() + "&limit=1&priority=urgent&cursor=" + cursor);
        assertEquals(400, reused.status());
        assertNotNull(reused.error("cursor"));
        Api.Reply garbage = officer.get("/staff/queue?unit=" + unit.unitId() + "&cursor=not-a-cursor");
        assertNotNull(garbage.error("cursor"), garbage.body());
        Api.Reply bad = officer.get("/staff/queue?unit=" + unit.unitId() + "&limit=0&due=later&view=all&priority=asap");
        assertEquals(400, bad.status());
        for (String field : List.of("limit", "due", "view", "priority")) {
            assertNotNull(bad.error(field), field + ": " + bad.body());
        }
        Api.Reply supervisorWithoutUnit = StaffApi.as(StaffApi.SUPERVISOR).get("/staff/queue");
        assertNotNull(supervisorWithoutUnit.error("unit"), supervisorWithoutUnit.body());
        assertEquals(200, StaffApi.as(StaffApi.SUPERVISOR).get("/staff/queue?unit=" + unit.unitId()).status());
    }

    @Test
    void anOfficersQueueDefaultsToTheirUnitAndTheirOfficersAreListed() {
        JsonNode page = queue("");
        assertEquals(unit.unitId(), page.path("unit").path("id").asText());
        Api.Reply own = officer.get("/staff/queue");
        assertEquals(unit.unitId(), own.json().path("unit").path("id").asText());
        JsonNode officers = officer.get("/staff/officers").json().path("officers");
        assertEquals(2, officers.size());
    }
}

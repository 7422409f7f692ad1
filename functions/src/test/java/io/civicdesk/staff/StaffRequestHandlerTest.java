package io.civicdesk.staff;

import io.civicdesk.agencies.AgreedTargets;
import io.civicdesk.catalog.ReferralTargets;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.catalog.InMemoryCatalog;
import io.civicdesk.catalog.Units;
import io.civicdesk.directory.InMemoryDirectory;
import io.civicdesk.notify.OutboxStore;
import io.civicdesk.platform.IdempotentCommand;
import io.civicdesk.platform.InMemoryTransactions;
import io.civicdesk.platform.Metrics;
import io.civicdesk.requests.Catalogue;
import io.civicdesk.requests.InMemoryRequests;
import io.civicdesk.requests.Reference;
import io.civicdesk.requests.RequestActions;
import io.civicdesk.requests.RequestFigures;
import io.civicdesk.requests.RequestFixtures;
import io.civicdesk.requests.SubmitRequestService;
import io.civicdesk.requests.Workflow;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.civicdesk.testing.HttpEvents.call;
import static io.civicdesk.testing.HttpEvents.event;
import static io.civicdesk.testing.HttpEvents.json;
import static io.civicdesk.testing.HttpEvents.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code StaffRequestFunction} over in-memory requests, catalogue, directory and transactions: viewing a request,
 * acting on it and logging one on behalf of a caller, in milliseconds.
 */
class StaffRequestHandlerTest {
    private static final String ACTIONS = "POST /staff/requests/{reference}/actions";

    private final Clock clock = Clock.fixed(RequestFixtures.SUBMITTED, ZoneOffset.UTC);
    private final InMemoryTransactions writes = new InMemoryTransactions();
    private final InMemoryRequests requests = new InMemoryRequests(writes);
    private final InMemoryCatalog catalog = catalog();
    private final OutboxStore outbox = new OutboxStore(null, "OutboxTable"); // only drafts its writes here
    private final List<String> audited = new ArrayList<>();
    private final StaffRequestHandler handler = new StaffRequestHandler(
            new RequestActions(requests, serviceId -> Workflow.DEFAULT, new InMemoryDirectory(), new Units(catalog, clock),
                    writes, outbox, RequestFigures.NONE, RequestActions.OnResolved.NOTHING, clock, "https://portal.test",
                    (staff, kind, references) -> audited.add(staff.id() + " read " + kind + " " + references), writes, AgreedTargets.NONE,
                    () -> ReferralTargets.PROVIDER_DEFAULT, "RequestsTable"),
            new SubmitRequestService(Catalogue.of(catalog), requests, outbox, RequestFigures.NONE,
                    new IdempotentCommand(writes, writes, clock), clock, new SecureRandom(), "https://portal.test",
                    Metrics.NONE, null, AgreedTargets.NONE),
            new DayPlans(new DayPlanStore(null, "RequestsTable"), null, new InMemoryDirectory(), clock)); // not called here

    /** Waste looks after missed bins; Perth works Monday to Friday. */
    private static InMemoryCatalog catalog() {
        InMemoryCatalog catalog = InMemoryCatalog.twoUnits().with(RequestFixtures.MISSED_BIN);
        catalog.putCalendar(RequestFixtures.PERTH);
        return catalog;
    }

    /** A call from an officer of {@code unit}. */
    private APIGatewayV2HTTPResponse asOfficerOf(String unit, String route, Map<String, String> path, Object body,
                                                 Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = event(route, path, body, "officer-" + unit, "officer");
        event.getRequestContext().getAuthorizer().getJwt().getClaims().put("custom:unit", unit);
        event.setHeaders(headers);
        return call(handler, event);
    }

    private APIGatewayV2HTTPResponse logPhoneCall(String idempotencyKey) {
        Map<String, Object> report = RequestFixtures.missedBinReport();
        report.put("channel", "phone");
        return asOfficerOf("waste", "POST /staff/requests", Map.of(), report,
                idempotencyKey == null ? Map.of() : Map.of("idempotency-key", idempotencyKey));
    }

    private String logged() {
        APIGatewayV2HTTPResponse logged = logPhoneCall(null);
        assertEquals(201, logged.getStatusCode(), logged.getBody());
        return json(logged).path("reference").asText();
    }

    private APIGatewayV2HTTPResponse act(String unit, String reference, Map<String, Object> action) {
        return asOfficerOf(unit, ACTIONS, Map.of("reference", reference), action, Map.of());
    }

    private static Map<String, Object> note(long expectedVersion) {
        return Map.of("action", "note", "expectedVersion", expectedVersion, "note", "Called the resident back.");
    }

    private long storedVersion(String reference) {
        return requests.get(new Reference(reference)).orElseThrow().version();
    }

    @Test
    void anOfficerOfTheUnitSeesWhatTheyMayDoWithARequest() {
        String reference = logged();
        APIGatewayV2HTTPResponse view = asOfficerOf("waste", "GET /staff/requests/{reference}",
                Map.of("reference", reference), null, Map.of());
        assertEquals(200, view.getStatusCode(), view.getBody());
        assertTrue(json(view).path("canAct").asBoolean());
        List<String> actions = texts(json(view).path("allowedActions"));
        assertEquals(List.of("acknowledge", "assign", "status", "message", "note", "priority", "duplicate", "resolve",
                "close", "refer"), actions);
    }

    @Test
    void openingARequestWritesOneAuditEntryNamingTheOfficerAndTheRequest() {
        String reference = logged();
        asOfficerOf("waste", "GET /staff/requests/{reference}", Map.of("reference", reference), null, Map.of());
        assertEquals(List.of("officer-waste read request [" + reference + "]"), audited);
    }

    @Test
    void anOfficersNoteIsSavedAndAnswersWithTheNewVersion() {
        String reference = logged();
        APIGatewayV2HTTPResponse noted = act("waste", reference, note(1));
        assertEquals(200, noted.getStatusCode(), noted.getBody());
        JsonNode view = json(noted);
        assertEquals(2, view.path("version").asLong());
        JsonNode last = view.path("history").get(view.path("history").size() - 1);
        assertEquals("note", last.path("action").asText());
        assertEquals("Called the resident back.", last.path("note").asText());
        assertEquals("internal", last.path("visibility").asText());
        assertEquals(2, storedVersion(reference));
    }

    @Test
    void anActionOnAStaleVersionIsRefusedWithTheRequestAsItIsNow() {
        String reference = logged();
        assertEquals(200, act("waste", reference, note(1)).getStatusCode());
        APIGatewayV2HTTPResponse stale = act("waste", reference, Map.of("action", "priority", "expectedVersion", 1,
                "priority", "urgent"));
        assertEquals(409, stale.getStatusCode(), stale.getBody());
        assertEquals(2, json(stale).path("current").path("version").asLong());
        assertEquals("normal", json(stale).path("current").path("priority").asText());
        assertEquals(2, storedVersion(reference), "nothing was saved");
    }

    @Test
    void anOfficerOfAnotherUnitIsForbiddenAndChangesNothing() {
        String reference = logged();
        APIGatewayV2HTTPResponse refused = act("roads", reference, note(1));
        assertEquals(403, refused.getStatusCode(), refused.getBody());
        assertEquals(1, storedVersion(reference));
    }

    @Test
    void anUnknownActionIsRefusedNamingTheActionField() {
        String reference = logged();
        APIGatewayV2HTTPResponse refused = act("waste", reference, Map.of("action", "delete", "expectedVersion", 1));
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertTrue(names(refused, "action"), refused.getBody());
        assertEquals(1, storedVersion(reference));
    }

    @Test
    void anActionOnARequestThatDoesNotExistIsNotFound() {
        assertEquals(404, act("waste", "K7MP3QXR", note(1)).getStatusCode());
    }

    @Test
    void loggingACallTwiceWithTheSameKeyGivesTheSameReferenceAndOneRequest() {
        APIGatewayV2HTTPResponse first = logPhoneCall("phone-call-0001");
        APIGatewayV2HTTPResponse retry = logPhoneCall("phone-call-0001");
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(201, retry.getStatusCode(), retry.getBody());
        assertEquals(json(first).path("reference").asText(), json(retry).path("reference").asText());
        assertEquals(1, requests.size());
        assertNotEquals(json(first).path("reference").asText(), json(logPhoneCall("phone-call-0002")).path("reference").asText(),
                "another key is another call");
    }

    @Test
    void aQueuedChangeSentAgainWithItsKeyGetsTheFirstAnswerNotAConflictWithItself() {
        String reference = logged();
        Map<String, String> key = Map.of("idempotency-key", "phone-change-0001");
        APIGatewayV2HTTPResponse first = asOfficerOf("waste", ACTIONS, Map.of("reference", reference), note(1), key);
        APIGatewayV2HTTPResponse again = asOfficerOf("waste", ACTIONS, Map.of("reference", reference), note(1), key);
        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals(200, again.getStatusCode(), again.getBody());
        assertEquals(2, json(again).path("version").asLong());
        assertEquals(2, storedVersion(reference), "saved once");
        APIGatewayV2HTTPResponse otherBody = asOfficerOf("waste", ACTIONS, Map.of("reference", reference), note(2), key);
        assertEquals(422, otherBody.getStatusCode(), otherBody.getBody());
        assertEquals(409, act("waste", reference, note(1)).getStatusCode(), "without its key the same change is stale");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

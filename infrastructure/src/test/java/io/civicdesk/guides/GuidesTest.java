package io.civicdesk.guides;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guided help on the local stack, over the demo council's conversations from the catalogue file. */
class GuidesTest {
    private static final Map<String, String> ADMIN = Api.signedInAs("demo-admin");
    private static Api api;

    @BeforeAll
    static void theDemoCouncilIsLoaded() {
        api = TestStack.api();
    }

    private static Map<String, Object> guide(int version, Map<String, Object> lastAnswer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Trees on my street");
        body.put("firstStepId", "what");
        body.put("version", version);
        body.put("steps", List.of(
                Map.of("stepId", "what", "question", "What is wrong with the tree?", "answers", List.of(
                        Map.of("label", "A branch has fallen", "next", "blocking"),
                        Map.of("label", "Talk to someone", "callBack", true))),
                Map.of("stepId", "blocking", "question", "What is it blocking?", "answers", List.of(
                        Map.of("label", "The footpath", "report", "fallen-branch", "answers", Map.of("blocking", "Footpath")),
                        lastAnswer))));
        return body;
    }

    private static Api.Reply save(String topicId, Object body, Map<String, String> who) {
        return api.put("/staff/guides/" + topicId, Json.write(body), who);
    }

    @Test
    void residentsSeeTheDemoTopicsAndEachEndIsAPageToOpen() {
        Api.Reply topics = api.get("/guides");
        assertEquals(200, topics.status(), topics.body());
        List<String> ids = new ArrayList<>();
        topics.json().path("topics").forEach(topic -> ids.add(topic.path("topicId").asText()));
        assertTrue(ids.containsAll(List.of("bin-not-collected", "road-problem", "hire-a-venue")), ids.toString());

        JsonNode bins = api.get("/guides/bin-not-collected").json();
        assertEquals("which-bin", bins.path("firstStepId").asText());
        JsonNode yes = null;
        for (JsonNode step : bins.path("steps")) {
            if (step.path("stepId").asText().equals("out-recycling")) {
                yes = step.path("answers").get(0).path("end");
            }
        }
        assertTrue(yes != null, bins.toString());
        assertEquals("report.html?service=missed-bin&a.bin-type=Recycling%20%28yellow%20lid%29&a.out-by-6am=Yes",
                yes.path("url").asText());
        assertEquals("Report it: Missed bin collection", yes.path("label").asText());
        JsonNode daysEnd = bins.path("steps").get(0).path("answers").get(3).path("end");
        assertEquals("article.html?id=bin-collection-days", daysEnd.path("url").asText());
        assertEquals("Read: Bin collection days", daysEnd.path("label").asText(), "the published article's title");
        JsonNode venue = api.get("/guides/hire-a-venue").json().path("steps").get(0).path("answers").get(1).path("end");
        assertEquals("facility.html?id=banksia-hall", venue.path("url").asText());
        assertEquals("Book Banksia Community Hall", venue.path("label").asText());
    }

    @Test
    void anUnknownTopicIsNotFoundAndAWrongIdIsNamed() {
        assertEquals(404, api.get("/guides/no-such-topic").status());
        api.get("/guides/NOT%20AN%20ID").assertNames("topicId");
    }

    @Test
    void anAdministratorSavesANewConversationAndAStaleSaveShowsTheirs() {
        String topicId = "trees-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> book = Map.of("label", "My driveway", "book", "wattle-hall");
        Api.Reply first = save(topicId, guide(0, book), ADMIN);
        assertEquals(200, first.status(), first.body());
        assertEquals(1, first.json().path("version").asInt());
        assertEquals("Trees on my street", api.get("/guides/" + topicId).json().path("title").asText());

        assertEquals(200, save(topicId, guide(1, book), ADMIN).status());
        Api.Reply stale = save(topicId, guide(1, Map.of("label", "Something else", "callBack", true)), ADMIN);
        assertEquals(409, stale.status(), stale.body());
        assertEquals(2, stale.json().path("current").path("version").asInt(), stale.body());
        assertEquals("wattle-hall", stale.json().path("current").path("guide").path("steps").get(1)
                .path("answers").get(1).path("book").asText());
    }

    @Test
    void aMistakeIsRefusedNamingItsStepAndOnlyAdministratorsMaySave() {
        String topicId = "trees-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply loop = save(topicId, guide(0, Map.of("label", "Back to the start", "next", "what")), ADMIN);
        assertEquals(400, loop.status(), loop.body());
        loop.assertNames("steps.blocking.answers[1].lead");
        save(topicId, guide(0, Map.of("label", "A car", "report", "fallen-branch", "answers", Map.of("blocking", "A car"))), ADMIN)
                .assertNames("steps.blocking.answers[1].lead.answers.blocking");
        save(topicId, guide(0, Map.of("label", "Nowhere", "book", "no-such-hall")), ADMIN)
                .assertNames("steps.blocking.answers[1].lead");
        Api.Reply staffOnly = save(topicId, guide(0, Map.of("label", "The script", "article", "taking-a-missed-bin-call")), ADMIN);
        staffOnly.assertNames("steps.blocking.answers[1].lead");
        assertTrue(staffOnly.error("steps.blocking.answers[1].lead").contains("for staff only"), staffOnly.body());
        Map<String, Object> noVersion = new LinkedHashMap<>(guide(0, Map.of("label", "Talk", "callBack", true)));
        noVersion.remove("version");
        save(topicId, noVersion, ADMIN).assertNames("version");
        assertEquals(403, save(topicId, guide(0, Map.of("label", "Talk", "callBack", true)), Api.signedInAs("demo-officer-waste")).status());
        assertEquals(404, api.get("/guides/" + topicId).status(), "nothing was saved");
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheirFieldAndNothingIsSaved() {
        String topicId = "typed-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> talk = Map.of("label", "Talk", "callBack", true);
        for (Object version : List.of("0", 0.5, true, List.of(0), -1)) {
            Map<String, Object> body = new LinkedHashMap<>(guide(0, talk));
            body.put("version", version);
            save(topicId, body, ADMIN).assertNames("version");
        }
        Map<String, Object> numberTitle = new LinkedHashMap<>(guide(0, talk));
        numberTitle.put("title", 7);
        save(topicId, numberTitle, ADMIN).assertNames("title");
        Map<String, Object> stepsObject = new LinkedHashMap<>(guide(0, talk));
        stepsObject.put("steps", Map.of("stepId", "what"));
        save(topicId, stepsObject, ADMIN).assertNames("steps");
        save(topicId, guide(0, Map.of("label", "Talk", "callBack", "yes")), ADMIN).assertNames("steps.blocking.answers[1].lead");
        save(topicId, guide(0, Map.of("label", List.of("Talk"), "callBack", true)), ADMIN).assertNames("steps.blocking.answers[1].label");
        save(topicId, guide(0, Map.of("label", "Footpath", "report", "fallen-branch", "answers", Map.of("blocking", List.of("Road")))),
                ADMIN).assertNames("steps.blocking.answers[1].lead.answers.blocking");
        save(topicId, guide(0, Map.of("label", "Talk", "callBack", true, "colour", "red")), ADMIN).assertNames("steps.blocking.answers[1]");
        assertEquals(400, api.put("/staff/guides/" + topicId, "not json", ADMIN).status());
        assertEquals(404, api.get("/guides/" + topicId).status(), "nothing was saved");
    }

    @Test
    void theStaffNavigationOffersGuidedHelpToAdministratorsOnly() {
        assertTrue(api.get("/staff/me", ADMIN).json().path("can").path("editGuides").asBoolean());
        assertEquals(false, api.get("/staff/me", Api.signedInAs("demo-supervisor")).json().path("can").path("editGuides").asBoolean());
    }

    @Test
    void aCallBackAskedForAtTheEndOfAConversationReachesTheCustomerServiceQueue() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceId", "call-back");
        request.put("answers", Map.of("topic", "I want to hire a hall or venue",
                "conversation", "What are you planning? A meeting or a class. How many people are coming? I'd rather talk to someone.",
                "best-time", "Any time"));
        request.put("location", Map.of("address", "14 Banksia Street, Melaleuca WA 6999"));
        request.put("contact", Map.of("name", "Alex Citizen", "phone", "08 9123 4567"));
        request.put("preferredChannel", "phone");
        Api.Reply sent = api.post("/requests", Json.write(request), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        String reference = sent.json().path("reference").asText();

        Api.Reply queue = api.get("/staff/queue?unit=customer-service", Api.signedInAs("demo-officer-customer-service"));
        assertEquals(200, queue.status(), queue.body());
        assertTrue(queue.body().contains(reference), queue.body());
    }
}

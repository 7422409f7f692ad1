package io.civicdesk.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The survey after service through the API: invited by mail, answered once, and a link good for one request only. */
@DependsOnTheDate
class SurveyAfterServiceTest {
    private final Api api = TestStack.api();

    private record Invited(FeedbackStack.Reported request, String surveyKey, String link) {
    }

    /** A resolved request whose invitation mail reached the local SES; the link is read from the mail. */
    private static Invited resolved(String who) {
        FeedbackStack.Reported request = FeedbackStack.report(who);
        FeedbackStack.inviteNow(request.reference());
        Message mail = Mailbox.awaitMailTo(request.email(), m -> m.subject().startsWith("Tell us how we did"));
        Matcher link = Pattern.compile("(http\\S+/survey\\.html\\?ref=" + request.reference() + "#key=[A-Za-z0-9_-]+)").matcher(mail.text());
        assertTrue(link.find(), "the invitation carries the survey link: " + mail.text());
        return new Invited(request, FeedbackStack.keyOf(link.group(1)), link.group(1));
    }

    private Api.Reply answer(String reference, String key, Object body, String idempotencyKey) {
        return api.post("/surveys/" + reference + "/answers", Json.write(body),
                Map.of("X-Survey-Key", key, "Idempotency-Key", idempotencyKey));
    }

    @Test
    void aSurveyIsAnsweredOnceAndARetryWithTheSameKeyGetsTheFirstAnswerBack() {
        Invited invited = resolved("once");
        String reference = invited.request().reference();
        Api.Reply view = api.get("/surveys/" + reference, Map.of("X-Survey-Key", invited.surveyKey()));
        assertEquals(200, view.status(), view.body());
        assertTrue(view.json().path("open").asBoolean());
        assertEquals("Missed bin collection", view.json().path("service").path("name").asText());

        String key = UUID.randomUUID().toString();
        Api.Reply first = answer(reference, invited.surveyKey(), Map.of("satisfaction", 4, "recommend", 9, "comment", "Quick, thanks"), key);
        assertEquals(201, first.status(), first.body());
        Api.Reply retry = answer(reference, invited.surveyKey(), Map.of("satisfaction", 4, "recommend", 9, "comment", "Quick, thanks"), key);
        assertEquals(201, retry.status());
        assertEquals(first.body(), retry.body(), "a retry gets the first answer back");

        Api.Reply second = answer(reference, invited.surveyKey(), Map.of("satisfaction", 1), UUID.randomUUID().toString());
        assertEquals(409, second.status(), second.body());
        assertNotNull(second.error("survey"));

        Survey stored = FeedbackStack.surveys().find(Survey.Subject.REQUEST, reference).orElseThrow();
        assertEquals(4, stored.answer().satisfaction(), "the first answer stands");
        assertFalse(api.get("/surveys/" + reference, Map.of("X-Survey-Key", invited.surveyKey())).json().path("open").asBoolean());
    }

    @Test
    void aSurveyLinkForOneRequestCanNeitherReadNorAnswerAnother() {
        Invited mine = resolved("mine");
        Invited theirs = resolved("theirs");
        String other = theirs.request().reference();

        Api.Reply read = api.get("/surveys/" + other, Map.of("X-Survey-Key", mine.surveyKey()));
        assertEquals(403, read.status(), read.body());
        assertNotNull(read.error("key"));
        assertFalse(read.body().contains("Missed bin"), "nothing about the other request is shown");

        Api.Reply answered = answer(other, mine.surveyKey(), Map.of("satisfaction", 1), UUID.randomUUID().toString());
        assertEquals(403, answered.status());
        // Nor the request's own private key for another request.
        assertEquals(403, api.get("/surveys/" + other, Map.of("X-Private-Key", mine.request().privateKey())).status());
        assertTrue(FeedbackStack.surveys().find(Survey.Subject.REQUEST, other).orElseThrow().open(), "the other survey is untouched");

        // The request's own private key (the tracking page's) opens its own survey.
        assertEquals(200, api.get("/surveys/" + other, Map.of("X-Private-Key", theirs.request().privateKey())).status());
    }

    @Test
    void badAnswersAre4xxNamingTheFieldAndSaveNothing() {
        Invited invited = resolved("bad");
        String reference = invited.request().reference();
        assertEquals("satisfaction", field(answer(reference, invited.surveyKey(), Map.of("satisfaction", 6), UUID.randomUUID().toString())));
        assertEquals("satisfaction", field(answer(reference, invited.surveyKey(), Map.of("recommend", 5), UUID.randomUUID().toString())));
        assertEquals("recommend", field(answer(reference, invited.surveyKey(), Map.of("satisfaction", 3, "recommend", 11), UUID.randomUUID().toString())));
        assertEquals("comment", field(answer(reference, invited.surveyKey(), Map.of("satisfaction", 3, "comment", "x".repeat(1001)), UUID.randomUUID().toString())));
        Api.Reply unknown = answer("22222222", invited.surveyKey(), Map.of("satisfaction", 3), UUID.randomUUID().toString());
        assertEquals(404, unknown.status());
        assertNotNull(unknown.error("reference"));
        assertTrue(FeedbackStack.surveys().find(Survey.Subject.REQUEST, reference).orElseThrow().open(), "nothing was saved");
    }

    private static String field(Api.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        return reply.json().path("errors").get(0).path("field").asText();
    }

    @Test
    void theTrackingPageShowsAnOpenSurveyOnlyToTheResidentsPrivateLink() {
        Invited invited = resolved("tracking");
        String reference = invited.request().reference();
        JsonNode mine = api.get("/requests/" + reference, Map.of("X-Private-Key", invited.request().privateKey())).json();
        assertTrue(mine.path("private").asBoolean());
        assertTrue(mine.path("survey").path("open").asBoolean(), mine.toString());
        assertEquals(reference, mine.path("reference").asText(), "the rest of the view is unchanged");
        assertFalse(api.get("/requests/" + reference).json().has("survey"), "the public view says nothing of a survey");

        answer(reference, invited.surveyKey(), Map.of("satisfaction", 5), UUID.randomUUID().toString());
        assertFalse(api.get("/requests/" + reference, Map.of("X-Private-Key", invited.request().privateKey())).json().has("survey"));
    }
}

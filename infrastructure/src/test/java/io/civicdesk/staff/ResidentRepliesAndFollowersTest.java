package io.civicdesk.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.civicdesk.local.Mailbox.Message;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.civicdesk.staff.StaffApi.SAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident replying from the private link, adding information and saying "not fixed"; anyone following a
 * request by email. Through the local gateway, mail read from the local mailbox.
 */
class ResidentRepliesAndFollowersTest {
    private static final Pattern FOLLOW_LINK = Pattern.compile("follow\\.html\\?ref=([A-Z0-9]+)#(confirm|unfollow)=([A-Za-z0-9_-]+)");

    private final StaffApi sam = StaffApi.as(SAM);
    private final Api api = TestStack.api();

    /** A resident's report; its reference and private key. */
    private record Reported(String reference, String key, String email) {
        Map<String, String> headers(String idempotencyKey) {
            return idempotencyKey == null ? Map.of("X-Private-Key", key)
                    : Map.of("X-Private-Key", key, "Idempotency-Key", idempotencyKey);
        }
    }

    private Reported report() {
        String email = StaffApi.email();
        Api.Reply reply = api.post("/requests", Reports.missedBin(email));
        assertEquals(201, reply.status(), reply.body());
        String privateLink = reply.json().path("privateLink").asText();
        return new Reported(reply.json().path("reference").asText(), privateLink.substring(privateLink.indexOf("#key=") + 5), email);
    }

    private Api.Reply reply(Reported reported, String idempotencyKey, String message) {
        return api.post("/requests/" + reported.reference() + "/replies", Json.write(Map.of("message", message)),
                reported.headers(idempotencyKey));
    }

    private static List<JsonNode> history(JsonNode view, String action) {
        List<JsonNode> found = new java.util.ArrayList<>();
        view.path("history").forEach(entry -> {
            if (entry.path("action").asText().equals(action)) {
                found.add(entry);
            }
        });
        return found;
    }

    @Test
    void aReplyToWaitingForYourReplyResumesTheClockTellsTheOfficerAndIsStoredOnceWhenRetried() {
        Reported reported = report();
        sam.done(reported.reference(), Map.of("action", "assign", "officerId", SAM.id()));
        sam.done(reported.reference(), Map.of("action", "status", "status", "waiting-on-customer",
                "publicMessage", "Which bin was it: the red one or the yellow one?"));
        JsonNode tracking = api.get("/requests/" + reported.reference(), Map.of("X-Private-Key", reported.key())).json();
        assertTrue(tracking.path("details").path("conversation").path("reply").asBoolean(), tracking.toString());
        assertFalse(api.get("/requests/" + reported.reference()).body().contains("conversation"), "the public view has none");

        String key = "reply-" + UUID.randomUUID();
        Api.Reply first = reply(reported, key, "The yellow one, by the letterbox.");
        assertEquals(201, first.status(), first.body());
        assertEquals("in-progress", first.json().path("status").asText());
        Api.Reply retried = reply(reported, key, "The yellow one, by the letterbox.");
        assertEquals(201, retried.status(), retried.body());
        assertEquals(first.body(), retried.body(), "the retry is given the first answer");

        JsonNode view = sam.view(reported.reference());
        assertEquals("in-progress", view.path("status").asText());
        assertFalse(view.path("paused").asBoolean(), "the clock runs again");
        List<JsonNode> replies = history(view, "resident-reply");
        assertEquals(1, replies.size(), "stored once: " + view.path("history"));
        assertEquals("The yellow one, by the letterbox.", replies.get(0).path("residentMessage").asText());
        assertEquals("internal", replies.get(0).path("visibility").asText());
        Message told = Mailbox.awaitMailTo(SAM.email(), mail -> mail.subject().startsWith("The resident replied")
                && mail.text().contains(display(reported.reference())));
        assertFalse(told.text().contains("letterbox"), "the officer's mail links to the request, without the words");
        assertFalse(api.get("/requests/" + reported.reference()).body().contains("letterbox"), "never public");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndAWrongKeyIsForbidden() {
        Reported reported = report();
        Api.Reply empty = reply(reported, null, "   ");
        assertEquals(400, empty.status(), empty.body());
        assertTrue(empty.error("message").contains("Enter"), empty.body());
        Api.Reply tooLong = reply(reported, null, "x".repeat(4001));
        assertEquals(400, tooLong.status(), tooLong.body());
        assertTrue(tooLong.error("message").contains("4,000"), tooLong.body());
        Api.Reply stranger = api.post("/requests/" + reported.reference() + "/replies",
                Json.write(Map.of("message", "hello")), Map.of("X-Private-Key", "not-the-key"));
        assertEquals(403, stranger.status(), stranger.body());
        Api.Reply information = reply(reported, null, "It was knocked over by the wind, too.");
        assertEquals(201, information.status(), information.body());
        assertEquals("added", information.json().path("outcome").asText());
        assertEquals(1, history(sam.view(reported.reference()), "resident-information").size());
    }

    @Test
    void notFixedReopensWithinTheWindowAndIsRefusedWithAClearMessageAfterIt() {
        Reported within = report();
        sam.done(within.reference(), Map.of("action", "resolve", "resolution", "We collected it this morning."));
        Api.Reply reopened = api.post("/requests/" + within.reference() + "/not-fixed",
                Json.write(Map.of("reason", "It is still on the verge.")), within.headers(null));
        assertEquals(201, reopened.status(), reopened.body());
        JsonNode view = sam.view(within.reference());
        assertEquals("in-progress", view.path("status").asText());
        assertFalse(view.path("final").asBoolean());
        assertEquals("It is still on the verge.", history(view, "resident-not-fixed").get(0).path("residentMessage").asText());

        Reported late = report();
        sam.done(late.reference(), Map.of("action", "resolve", "resolution", "We collected it this morning."));
        String resolvedLongAgo = TestStack.clock().instant().minus(Duration.ofDays(15)).toString();
        TestStack.get().dynamoDb().updateItem(update -> update.tableName("RequestsTable")
                .key(Map.of("pk", AttributeValue.fromS("REQUEST#" + late.reference()), "sk", AttributeValue.fromS("REQUEST")))
                .updateExpression("SET resolvedAt = :then").expressionAttributeValues(Map.of(":then", AttributeValue.fromS(resolvedLongAgo))));
        JsonNode tracking = api.get("/requests/" + late.reference(), Map.of("X-Private-Key", late.key())).json();
        assertFalse(tracking.path("details").path("conversation").hasNonNull("notFixedUntil"), tracking.toString());
        Api.Reply refused = api.post("/requests/" + late.reference() + "/not-fixed",
                Json.write(Map.of("reason", "Still there.")), late.headers(null));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().path("message").asText().contains("14 days after it was resolved"), refused.body());
        assertEquals("resolved", sam.view(late.reference()).path("status").asText(), "nothing changed");
    }

    @Test
    void anUnconfirmedFollowerGetsNothingAConfirmedOneGetsUpdatesAndUnfollowStopsThem() {
        Reported reported = report();
        String follower = "follower+" + UUID.randomUUID() + "@example.com";
        String stranger = "stranger+" + UUID.randomUUID() + "@example.com";
        for (String email : List.of(follower, stranger)) {
            Api.Reply asked = api.post("/requests/" + reported.reference() + "/followers",
                    Json.write(Map.of("email", email, "language", "vi")), Map.of());
            assertEquals(202, asked.status(), asked.body());
        }
        Api.Reply badEmail = api.post("/requests/" + reported.reference() + "/followers", Json.write(Map.of("email", "nope")), Map.of());
        assertEquals(400, badEmail.status(), badEmail.body());
        assertNotNull(badEmail.error("email"));

        Message confirmation = Mailbox.awaitMailTo(follower);
        Matcher confirm = FOLLOW_LINK.matcher(confirmation.text());
        assertTrue(confirm.find() && confirm.group(2).equals("confirm"), confirmation.text());
        assertTrue(confirmation.subject().contains("Xác nhận"), "in the follower's language: " + confirmation.subject());
        Api.Reply confirmed = api.post("/requests/" + reported.reference() + "/followers/confirm",
                Json.write(Map.of("token", confirm.group(3))), Map.of());
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals("following", confirmed.json().path("outcome").asText());

        sam.done(reported.reference(), Map.of("action", "message", "publicMessage", "A truck is on its way to your street."));
        Message update = Mailbox.awaitMailTo(follower, mail -> mail.text().contains("A truck is on its way"));
        Matcher unfollow = FOLLOW_LINK.matcher(update.text());
        assertTrue(unfollow.find() && unfollow.group(2).equals("unfollow"), "every follower mail can stop them: " + update.text());
        Mailbox.awaitMailTo(reported.email(), mail -> mail.text().contains("A truck is on its way"));
        assertEquals(1, Mailbox.to(stranger).size(), "the unconfirmed follower got the confirmation and nothing else");

        for (int click = 0; click < 2; click++) {
            Api.Reply stopped = api.post("/requests/" + reported.reference() + "/followers/unfollow",
                    Json.write(Map.of("token", unfollow.group(3))), Map.of());
            assertEquals(200, stopped.status(), stopped.body());
            assertEquals("unfollowed", stopped.json().path("outcome").asText());
        }
        sam.done(reported.reference(), Map.of("action", "message", "publicMessage", "The truck has been."));
        Mailbox.awaitMailTo(reported.email(), mail -> mail.text().contains("The truck has been"));
        assertTrue(Mailbox.to(follower).stream().noneMatch(mail -> mail.text().contains("The truck has been")),
                "no mail after unfollowing");
    }

    private static String display(String reference) {
        return reference.substring(0, 4) + "-" + reference.substring(4);
    }
}

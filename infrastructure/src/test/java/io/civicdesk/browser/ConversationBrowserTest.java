package io.civicdesk.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.demo.DemoData;
import io.civicdesk.directory.StaffMember;
import io.civicdesk.local.Mailbox;
import io.civicdesk.local.StaffTokens;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Talking back on a phone, in real Chromium with axe-core on every state: the resident replies to "waiting for
 * your reply" from the private link; someone follows a request, confirms from the mailed link, gets its update and
 * stops it from that mail. The officer's side goes through the staff API.
 */
class ConversationBrowserTest extends PhoneBrowserTest {
    private static final Pattern LINK = Pattern.compile("https?://\\S+/follow\\.html\\?ref=[A-Z0-9]+#(confirm|unfollow)=[A-Za-z0-9_-]+");

    private final Api api = TestStack.api();
    private final Map<String, String> sam = signedIn("demo-officer-waste");

    private static Map<String, String> signedIn(String id) {
        StaffMember member = DemoData.staff().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
        StaffTokens tokens = TestStack.get().staffTokens();
        return Map.of("Authorization", tokens.bearer(tokens.idToken(member)));
    }

    private JsonNode report(String email) {
        Api.Reply reply = api.post("/requests", Reports.missedBin(email));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private void officerSays(String reference, Map<String, Object> action) {
        long version = api.get("/staff/requests/" + reference, sam).json().path("version").asLong();
        Map<String, Object> body = new java.util.LinkedHashMap<>(action);
        body.put("expectedVersion", version);
        Api.Reply done = api.post("/staff/requests/" + reference + "/actions", Json.write(body), sam);
        assertEquals(200, done.status(), done.body());
    }

    @Test
    void theResidentRepliesToWaitingForYourReplyFromTheirPrivateLink() {
        JsonNode receipt = report("resident+" + UUID.randomUUID() + "@example.com");
        String reference = receipt.path("reference").asText();
        officerSays(reference, Map.of("action", "status", "status", "waiting-on-customer",
                "publicMessage", "Which bin was it: the red one or the yellow one?"));

        page.navigate(receipt.path("privateLink").asText());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("We are waiting for your reply"))).isVisible();
        assertAccessible("the private tracking page, waiting for the resident's reply");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
        assertThat(page.locator("#reply-form .error-summary")).containsText("Enter your message");
        assertAccessible("the reply form with its error");

        page.getByLabel("Your reply").fill("The yellow one, by the letterbox.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tell us more"))).isVisible();
        assertThat(page.locator("#result")).containsText("In progress");
        assertThat(page.locator("#announcer")).containsText("We have your reply");
        assertAccessible("the private tracking page after replying");

        JsonNode view = api.get("/staff/requests/" + reference, sam).json();
        assertEquals("in-progress", view.path("status").asText());
        JsonNode last = view.path("history").get(view.path("history").size() - 1);
        assertEquals("resident-reply", last.path("action").asText());
        assertEquals("The yellow one, by the letterbox.", last.path("residentMessage").asText());
    }

    @Test
    void someoneFollowsARequestConfirmsFromTheMailGetsItsUpdateAndStopsIt() {
        String reference = report("resident+" + UUID.randomUUID() + "@example.com").path("reference").asText();
        String follower = "neighbour+" + UUID.randomUUID() + "@example.com";

        page.navigate(stack.baseUrl() + "/track.html?ref=" + reference);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Get updates by email"))).isVisible();
        assertAccessible("the public tracking page with its follow form");
        page.getByLabel("Your email address").fill(follower);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Follow this request")).click();
        assertThat(page.locator("#follow-form [role=status]")).containsText("Check your email (" + follower + ")");
        assertAccessible("the follow form, asked");

        page.navigate(link(io.civicdesk.testing.Mailbox.awaitMailTo(follower), "confirm"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are following this request"))).isVisible();
        assertAccessible("following, confirmed");

        officerSays(reference, Map.of("action", "message", "publicMessage", "A truck is on its way to your street."));
        Mailbox.Message update = io.civicdesk.testing.Mailbox.awaitMailTo(follower, mail -> mail.text().contains("A truck is on its way"));
        assertTrue(update.subject().contains("the report you follow"), update.subject());
        page.navigate(link(update, "unfollow"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You no longer follow this request"))).isVisible();
        assertAccessible("unfollowed");
    }

    private static String link(Mailbox.Message mail, String kind) {
        Matcher found = LINK.matcher(mail.text());
        while (found.find()) {
            if (found.group(1).equals(kind)) {
                return found.group();
            }
        }
        throw new AssertionError("no " + kind + " link in " + mail.text());
    }
}

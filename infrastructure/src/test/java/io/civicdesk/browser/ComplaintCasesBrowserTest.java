package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An officer handles a complaint in the staff pages on a phone: the queue, an investigation note, acknowledging,
 * answering with reasons (mailed to the complainant; the note never is).
 */
class ComplaintCasesBrowserTest extends PhoneBrowserTest {

    @Test
    void anOfficerAcknowledgesAndAnswersAComplaintFromTheQueueAndTheComplainantIsMailedTheReasons() {
        String email = "complainant+" + UUID.randomUUID() + "@example.com";
        Api.Reply sent = TestStack.api().post("/feedback", Json.write(Map.of("kind", "complaint",
                        "about", Map.of("serviceId", "missed-bin"), "message", "My bin has been missed three weeks running.",
                        "contact", Map.of("name", "Robin Resident", "email", email))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        String display = sent.json().path("displayReference").asText();

        signInAs("Sam Nguyen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Complaints").setExact(true)).click();
        assertThat(page).hasTitle("Complaints – Staff – " + SITE);
        assertAccessible("the complaints queue");
        page.getByLabel("Show").selectOption("received");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(display)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Complaint " + display))).isVisible();
        assertThat(page.locator("main")).containsText("My bin has been missed three weeks running.");
        assertThat(page.getByText("No notes yet.")).isVisible();
        assertAccessible("a complaint, received");
        page.getByLabel("Add an investigation note").fill("Checked the truck's GPS: the street was skipped twice.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
        assertThat(page.locator("section[aria-labelledby=notes-heading]")).containsText("the street was skipped twice");
        assertThat(page.locator("section[aria-labelledby=notes-heading]")).containsText("Sam Nguyen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge and mail the complainant")).click();
        assertThat(page.locator("main")).containsText("Acknowledged: to answer");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
        assertThat(page.locator("#error-summary")).containsText("Choose upheld, partly upheld or not upheld");
        assertAccessible("the answer with its errors");
        page.getByLabel("Partly upheld").check();
        page.getByLabel("Reasons").fill("The crew missed your street twice; we have changed the round.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
        assertThat(page.locator("main")).containsText("This case is answered");
        assertAccessible("the complaint, answered");

        assertTrue(Mailbox.awaitMailTo(email, mail -> mail.text().contains("we have changed the round")) != null);
        assertTrue(Mailbox.to(email).stream().noneMatch(mail -> mail.text().contains("GPS")), "the note stays with staff");
    }
}

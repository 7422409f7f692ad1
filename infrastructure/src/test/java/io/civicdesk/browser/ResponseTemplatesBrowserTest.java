package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An officer answers a complaint on a phone by picking a response template: it comes filled in for the
 * complainant, the officer edits it, and the complainant's mail holds the edited words.
 */
class ResponseTemplatesBrowserTest extends PhoneBrowserTest {

    @Test
    void anOfficerAnswersAComplaintFromATemplateEditedBeforeSending() {
        String email = "complainant+" + UUID.randomUUID() + "@example.com";
        Api.Reply sent = TestStack.api().post("/feedback", Json.write(Map.of("kind", "complaint",
                        "about", Map.of("serviceId", "missed-bin"), "message", "Nobody came for my bin after I reported it.",
                        "contact", Map.of("name", "Robin Resident", "email", email))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        String display = sent.json().path("displayReference").asText();

        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/complaint-cases.html?ref=" + display);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Complaint " + display))).isVisible();
        Locator picker = page.locator("#answer-template");
        assertThat(picker).isVisible();
        assertAccessible("a complaint with its templates");

        picker.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Upheld: we got it wrong (English)"));
        page.locator("#answer-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Use this template")).click();
        Locator reasons = page.getByLabel("Reasons");
        assertThat(reasons).hasValue(java.util.regex.Pattern.compile("Dear Robin Resident,[\\s\\S]*" + display + "[\\s\\S]*Sam Nguyen"));
        String filled = reasons.inputValue();
        assertFalse(filled.contains("{"), filled);
        reasons.fill(filled.replace("What we found: ", "What we found: the truck's round skipped your street twice."));
        page.getByLabel("Upheld", new Page.GetByLabelOptions().setExact(true)).check();
        assertAccessible("the answer, from a template, edited");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the answer")).click();
        assertThat(page.locator("main")).containsText("This case is answered");

        io.civicdesk.local.Mailbox.Message mail = Mailbox.awaitMailTo(email, m -> m.text().contains("skipped your street twice"));
        assertNotNull(mail, "the edited words are what is sent");
        assertTrue(mail.text().contains("Dear Robin Resident"), mail.text());
    }

    @Test
    void aSupervisorWritesATemplateAndRetiresIt() {
        String title = "Lid on order " + UUID.randomUUID().toString().substring(0, 6);
        signInAs("Jordan Lee");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Response templates")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Response templates"))).isVisible();
        assertAccessible("the response templates");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Write a new template")).click();
        page.getByLabel("Title").fill(title);
        page.getByLabel("Service").selectOption("damaged-bin");
        page.getByLabel("Text").fill("Hello {name}, your new lid for {reference} comes by {due}. {signature}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new template")).click();
        assertThat(page.locator("#error-summary")).containsText("{signature}");
        assertAccessible("a template with a mistake");
        page.getByLabel("Text").fill("Hello {name}, your new lid for {reference} comes by {due}. {officer}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new template")).click();
        assertThat(page.locator("main")).containsText(title);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + title + " (English)")).click();
        assertThat(page.locator("main")).containsText("Version 1, saved");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retire it")).click();
        assertThat(page.locator("main")).containsText("Retired: not offered.");
    }
}

package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Mailbox;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An account manager, on her phone, opens one of her agencies, raises an issue for its business manager (a mistake
 * first, named in the error summary) and escalates it to the service director; the contact is mailed at each step.
 * Every state of the page passes axe-core's WCAG 2.2 AA rules.
 */
class AgencyIssuesBrowserTest extends PhoneBrowserTest {

    @Test
    void anAccountManagerRaisesAnIssueAndEscalatesItFromHerPhone() {
        String id = "phone-" + UUID.randomUUID().toString().substring(0, 8);
        String contact = "jo@" + id + ".example";
        Api.Reply created = TestStack.api().post("/staff/agencies", Json.write(Map.of("id", id, "name", "Agency " + id,
                "accountManagerId", "demo-account-manager", "serviceIds", List.of("missed-bin"), "contacts", List.of(Map.of(
                        "role", "business-manager", "name", "Jo Contact", "email", contact)))), Api.signedInAs("demo-admin"));
        assertEquals(201, created.status(), created.body());

        signInAs("Morgan Taylor");
        page.navigate(stack.baseUrl() + "/staff/agencies.html");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open Agency " + id)).click();
        assertThat(page.locator("#issues-heading")).hasText("Issues (0 open)");
        assertAccessible("an agency with no issues");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise the issue")).click();
        assertThat(page.locator("#error-summary")).containsText("Give the issue a short title.");
        assertAccessible("an issue with its mistakes");
        page.locator("#issue-title").fill("Bins missed at the depot");
        page.locator("#issue-detail").fill("The depot's bins were missed twice this month.");
        page.locator("#issue-raised-by").selectOption(contact);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise the issue")).click();
        assertThat(page.locator("#issues-heading")).hasText("Issues (1 open)");
        assertThat(page.locator(".agency-issue")).containsText("With the service manager");
        assertAccessible("an issue raised");

        page.getByLabel("Escalate to the service director").check();
        page.locator(".agency-issue textarea").fill("The crew roster needs the director's decision.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the step")).click();
        assertThat(page.locator(".agency-issue")).containsText("With the service director");
        assertAccessible("an issue escalated");

        assertTrue(Mailbox.awaitMailTo(contact, m -> m.subject().startsWith("Issue logged")).text().contains("service manager"));
        assertTrue(Mailbox.awaitMailTo(contact, m -> m.subject().startsWith("Issue escalated to our service director"))
                .text().contains("The crew roster needs the director's decision."));
    }
}

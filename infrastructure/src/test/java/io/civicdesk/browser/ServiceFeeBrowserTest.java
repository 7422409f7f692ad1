package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident on a phone reports a bulk verge collection ($45, paid online): the fee is shown before anything is sent,
 * paid on the stand-in for Stripe's hosted page, and the request is there when they come back. Then the supervisor
 * sees the payment on the day's reconciliation, with its CSV button. Every council page passes axe-core.
 */
class ServiceFeeBrowserTest extends PhoneBrowserTest {

    @Test
    void aResidentSeesTheFeePaysItOnTheProvidersPageAndTheSupervisorReconcilesIt() throws Exception {
        page.navigate(stack.baseUrl() + "/report.html?service=bulk-verge");
        assertThat(page).hasTitle("Tell us about the problem – Bulk verge collection – " + SITE);
        assertThat(page.locator("#fee")).containsText("This costs $45.00: One collection of up to 6 cubic metres.");
        assertAccessible("the first step, with its fee");
        page.getByLabel("General junk").check();
        page.getByLabel("Furniture").check();
        page.getByLabel("About how many cubic metres?").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.getByLabel("Address or place").fill("41 Banksia Street, Melaleuca WA 6999");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.getByLabel("Full name (optional)").fill("Alex Citizen");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Email address").fill("verge+" + UUID.randomUUID() + "@example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();

        // The provider's page (here the local stand-in): the card never touches the council's site.
        page.waitForURL(stack.paymentPage().url() + "/pay/**");
        assertThat(page.locator("h1")).hasText("Pay $45.00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay $45.00")).click();

        page.waitForURL("**/track.html?ref=*&paid=1");
        String reference = page.url().replaceAll(".*ref=([^&]+).*", "$1");
        assertThat(page.locator("#result")).containsText("Bulk verge collection");
        assertThat(page.locator("#result")).containsText("Received");
        assertAccessible("the request, paid and taken on");

        signInAs("Jordan Lee");
        page.navigate(stack.baseUrl() + "/staff/payments.html");
        assertThat(page).hasTitle("Payments reconciliation – Staff – City of Melaleuca");
        assertThat(page.locator("#day-result")).containsText("Request " + reference);
        assertAccessible("the day's reconciliation");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Download as CSV"))).isEnabled();
        // What the button downloads, fetched as the page fetches it (a click's download is not awaited on the phone viewport).
        Api.Reply csv = TestStack.api().get("/staff/payments/reconciliation.csv?date=" + TestStack.today(), Api.signedInAs("demo-supervisor"));
        assertTrue(csv.body().lines().anyMatch(l -> l.contains("," + reference + ",payment,online,4500,taken-on,")), csv.body());
    }
}

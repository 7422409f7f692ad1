package io.civicdesk.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.Browser;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Referring a request to another unit from its staff page on a phone: the form names what is missing, the referral
 * waits with its due time, and an officer of the receiving unit accepts it into their queue. Every state of the
 * page must pass axe-core's WCAG 2.2 AA rules.
 */
class ReferralBrowserTest extends PhoneBrowserTest {

    @Test
    void anOfficerRefersARequestAndTheReceivingUnitAcceptsIt() {
        String reference = residentSends();
        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
        assertThat(page).hasTitle("Request " + reference + " – Staff – " + SITE);

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Refer to another unit"))).check();
        save(page);
        Locator errors = page.locator("#error-summary");
        assertThat(errors).containsText("Choose the unit to refer it to");
        assertThat(errors).containsText("Enter the reason");
        assertThat(page.locator("#refer-unitId-error")).containsText("Choose the unit to refer it to");
        assertAccessible("the request page, a referral with nothing filled in");

        page.getByLabel("Unit to refer it to").selectOption("roads");
        page.getByLabel("Why it is theirs").fill("The bin is blocking a drain on the verge.");
        save(page);
        assertThat(page.locator("#banner")).containsText("Referred: waiting for the unit to answer");
        Locator referrals = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Referrals"));
        assertThat(referrals).containsText("Waste Services to Roads and Drainage: waiting for Roads and Drainage to answer, due");
        assertThat(page.locator(".history")).containsText("Referred to another unit, waiting for their answer");
        assertAccessible("the request page, referred");

        try (BrowserContext other = anotherPhone()) {
            Page priya = other.newPage();
            priya.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
            priya.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Priya Sharma\\b"))).click();
            priya.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(Pattern.compile("^Accept the referral"))).check();
            save(priya);
            assertThat(priya.locator("#banner")).containsText("Referral accepted");
            assertThat(priya.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Referrals")))
                    .containsText("accepted by Priya Sharma");
            Browser.assertAccessible(priya, "the request page, the referral accepted");
        }
    }

    private static void save(Page on) {
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    }

    /** A missed-bin report (Waste Services) sent through the API; its display reference. */
    private static String residentSends() {
        Api.Reply sent = TestStack.api().post("/requests", Json.write(Reports.missedBin("resident+" + UUID.randomUUID() + "@example.com")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, sent.status(), sent.body());
        return sent.json().path("displayReference").asText();
    }
}

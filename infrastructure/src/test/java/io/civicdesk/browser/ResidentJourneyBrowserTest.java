package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import io.civicdesk.local.Mailbox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident's side of the portal in real Chromium (Debian's), on a phone-sized screen, against the whole
 * local stack: the pages, the gateway, the handlers, the local DynamoDB (moto) and the local SES. Every page visited must
 * pass axe-core's WCAG 2.2 AA rules. Questions and labels are the demo council's (DemoData's "missed-bin").
 */
@DependsOnTheDate
class ResidentJourneyBrowserTest extends PhoneBrowserTest {
    private static final String ADDRESS = "12 Banksia Street, Melaleuca WA 6999";
    private static final String NAME = "Alex Citizen";

    @Test
    void aResidentReportsAMissedBinThenTracksItPubliclyWithoutAndPrivatelyWithTheirDetails() {
        String email = "resident+" + UUID.randomUUID() + "@example.com";

        page.navigate(stack.baseUrl() + "/");
        assertThat(page).hasTitle("Report a problem or track a request – " + SITE);
        assertAccessible("the home page");
        page.getByLabel("What do you need help with?").fill("bin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

        assertThat(page).hasURL(Pattern.compile("/search\\.html\\?q=bin$"));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Missed bin collection"))).isVisible();
        page.goBack();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report a problem"))
                .getByRole(AriaRole.LINK).click();

        assertThat(page).hasURL(Pattern.compile("/services\\.html$"));
        Locator missedBin = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Missed bin collection"));
        assertThat(missedBin).isVisible();
        page.getByLabel("What do you need to report?").fill("missed bin");
        assertThat(page.locator("#results-count")).hasText("1 service matches “missed bin”");
        assertAccessible("the service list, filtered");
        missedBin.click();

        assertThat(page).hasTitle("Tell us about the problem – Missed bin collection – " + SITE);
        assertAccessible("the first step");
        page.getByLabel("General waste (red lid)").check();
        page.getByLabel("Which day should it have been emptied?").fill(TestStack.today().toString());
        group("Was the bin on the verge by 6am?").getByLabel("Yes").check();
        page.getByLabel("Describe the problem (optional)").fill("All the bins in the street were missed.");
        continueButton().click();

        assertThat(page).hasTitle("Where is the problem? – Missed bin collection – " + SITE);
        assertAccessible("the location step");
        page.getByLabel("Address or place").fill(ADDRESS);
        continueButton().click();

        assertThat(page).hasTitle("How can we contact you? – Missed bin collection – " + SITE);
        page.getByLabel("Full name (optional)").fill(NAME);
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Email address").fill(email);
        assertAccessible("the contact step");
        continueButton().click();

        assertThat(page).hasTitle("Check your answers – Missed bin collection – " + SITE);
        Locator answers = page.locator("#answers");
        assertThat(answers).containsText("General waste (red lid)");
        assertThat(answers).containsText(ADDRESS);
        assertThat(answers).containsText("Email: " + email);
        assertAccessible("the check your answers page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();

        assertThat(page).hasTitle("Request received – Missed bin collection – " + SITE);
        String reference = page.locator("#reference").textContent().trim();
        assertTrue(reference.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), "a reference easy to read out, like K7MP-3QXR: " + reference);
        assertThat(page.locator("main")).containsText("We aim to respond by");
        assertAccessible("the confirmation page");
        String privateLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("See your request with your details")).getAttribute("href");
        assertTrue(privateLink.startsWith(stack.baseUrl() + "/track.html?ref=") && privateLink.contains("#key="),
                "the private link opens the portal's tracking page with the key in the fragment: " + privateLink);

        // By reference alone, typed the way people type it: the progress, nothing personal.
        page.navigate(stack.baseUrl() + "/track.html");
        page.getByLabel("Your reference").fill(reference.toLowerCase().replace("-", " "));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Track request")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Request " + reference))).isVisible();
        assertThat(page.locator("#result")).containsText("Received");
        assertThat(page.locator("#result")).containsText("Missed bin collection");
        String publicPage = page.locator("main").innerText();
        for (String personal : List.of(NAME, email, ADDRESS, "General waste", "Your details")) {
            assertFalse(publicPage.contains(personal), "the public tracking page shows " + personal);
        }
        assertAccessible("the public tracking page");

        // By the private link: their own details too.
        page.navigate(privateLink);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your details"))).isVisible();
        for (String own : List.of(NAME, email, ADDRESS, "General waste (red lid)")) {
            assertThat(page.locator("#result")).containsText(own);
        }
        assertAccessible("the private tracking page");

        Mailbox.Message mail = io.civicdesk.testing.Mailbox.awaitMailTo(email);
        assertTrue(mail.subject().contains(reference) || mail.text().contains(reference),
                "the confirmation mail names the reference " + reference + ": " + mail.subject());
    }

    @Test
    void continuingFromAnEmptyFirstStepFocusesAnErrorSummaryWhoseLinksMoveFocusToEachField() {
        page.navigate(stack.baseUrl() + "/report.html?service=missed-bin");
        assertThat(page).hasTitle("Tell us about the problem – Missed bin collection – " + SITE);

        // Keyboard only: tab through the page to the Continue button and press Enter.
        for (int presses = 0; !"Continue".equals(focused("el => el.textContent")); presses++) {
            assertTrue(presses < 40, "Continue cannot be reached with the Tab key");
            page.keyboard().press("Tab");
        }
        page.keyboard().press("Enter");

        assertThat(page).hasTitle("Error: Tell us about the problem – Missed bin collection – " + SITE);
        assertEquals("error-summary", focused("el => el.id"), "the error summary takes focus");
        Locator links = page.locator("#error-summary a");
        assertEquals(List.of(
                "Choose an answer to ‘Which bin was missed?’",
                "Answer ‘Which day should it have been emptied?’",
                "Choose an answer to ‘Was the bin on the verge by 6am?’"), links.allTextContents());
        assertAccessible("the first step with errors");

        for (int i = 0; i < links.count(); i++) {
            String target = links.nth(i).getAttribute("href").substring(1);
            page.locator("#error-summary").focus();
            for (int tab = 0; tab <= i; tab++) {
                page.keyboard().press("Tab");
            }
            assertEquals(links.nth(i).textContent(), focused("el => el.textContent"));
            page.keyboard().press("Enter");
            assertEquals(target, focused("el => el.id"), "the link '" + links.nth(i).textContent() + "' moves focus to its field");
            String describedBy = page.locator("#" + target).evaluate(
                    "el => (el.closest('fieldset') || el).getAttribute('aria-describedby')").toString();
            assertTrue(describedBy.contains(target + "-error"), "the field's message is tied to it: " + describedBy);
        }
    }

    private Locator continueButton() {
        return page.locator("[data-step]:not([hidden])").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Continue"));
    }

    private Locator group(String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend));
    }

    private String focused(String expression) {
        return String.valueOf(page.evaluate("() => (" + expression + ")(document.activeElement)"));
    }

}

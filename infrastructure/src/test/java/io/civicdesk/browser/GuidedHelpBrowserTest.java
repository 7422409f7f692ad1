package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.PhoneBrowserTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Guided help on a phone: a resident answers a conversation, changes an answer, and ends on a filled-in form. */
class GuidedHelpBrowserTest extends PhoneBrowserTest {

    private Locator answer(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    private Locator group(String legend) {
        return page.locator("fieldset").filter(new Locator.FilterOptions().setHas(page.locator("legend",
                new Page.LocatorOptions().setHasText(legend))));
    }

    @Test
    void aResidentAnswersTheBinConversationChangesAnAnswerAndEndsOnAFilledInReportForm() {
        page.navigate(stack.baseUrl() + "/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Get help")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Get help").setLevel(1))).isVisible();
        assertAccessible("the help topics");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My bin wasn't collected")).click();
        assertThat(page.locator("#current-heading")).hasText("Which bin wasn't emptied?");
        assertAccessible("the first question of a conversation");

        answer("General waste (red lid)").click();
        // Focus moves to the new question, which the live region reads.
        assertThat(page.locator("#current-heading")).hasText("Was the bin on the verge by 6am on collection day?");
        assertThat(page.locator("#current-heading")).isFocused();
        assertThat(page.locator("#announcer")).hasText("Was the bin on the verge by 6am on collection day?");
        assertThat(page.locator("#conversation")).containsText("General waste (red lid)");
        assertAccessible("a conversation with an answer given");

        // The resident meant the recycling bin: back to the first question to change it.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change your answer to “Which bin wasn't emptied?”")).click();
        assertThat(page.locator("#current-heading")).hasText("Which bin wasn't emptied?");
        assertThat(page.locator("#current-heading")).isFocused();
        answer("Recycling (yellow lid)").click();
        answer("Yes, it was out by 6am").click();

        assertThat(page.locator("#current-heading")).hasText("Here is what we suggest");
        assertThat(page.locator("#conversation")).containsText("Recycling (yellow lid)");
        assertThat(page.locator("#conversation")).not().containsText("General waste");
        assertAccessible("the end of a conversation");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report it: Missed bin collection")).click();

        assertThat(page).hasURL(Pattern.compile("report\\.html\\?service=missed-bin$"));
        assertThat(page.getByLabel("Recycling (yellow lid)")).isChecked();
        assertThat(group("Was the bin on the verge by 6am?").getByLabel("Yes")).isChecked();
        assertThat(page.getByLabel("General waste (red lid)")).not().isChecked();
        assertAccessible("the report form filled in from guided help");
    }

    @Test
    void whenTheConversationFailsToLoadThePathIsKeptAndTryingAgainGoesOn() {
        page.navigate(stack.baseUrl() + "/guide.html?topic=road-problem");
        answer("A street light is not working").click();
        assertThat(page.locator("#current-heading")).hasText("What is wrong with the light?");

        AtomicBoolean fail = new AtomicBoolean(true);
        page.route("**/guides/road-problem", route -> {
            if (fail.get()) {
                route.abort();
            } else {
                route.resume();
            }
        });
        page.reload();
        assertThat(page.locator("#problem")).containsText("We could not load the next question");
        assertThat(page.locator("#problem")).containsText("Your answers so far are kept.");
        assertThat(page.locator("#conversation")).containsText("A street light is not working");
        assertAccessible("a conversation that failed to load");

        fail.set(false);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try again")).click();
        assertThat(page.locator("#current-heading")).hasText("What is wrong with the light?");
        answer("It flickers").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report it: Street light not working")).click();
        assertThat(page.getByLabel("Flickering")).isChecked();
    }

    @Test
    void askingToBeCalledBackFillsInTheTopicAndTheAnswersSoFar() {
        page.navigate(stack.baseUrl() + "/guide.html?topic=hire-a-venue");
        answer("A meeting or a class").click();
        answer("I'd rather talk to someone").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask us to call you back")).click();

        assertThat(page).hasURL(Pattern.compile("report\\.html\\?service=call-back$"));
        assertThat(page.getByLabel("What is it about?")).hasValue("I want to hire a hall or venue");
        assertThat(page.getByLabel("What you have told us so far (optional)")).hasValue(
                "What are you planning? A meeting or a class. How many people are coming? I'd rather talk to someone.");
        assertAccessible("the call-back form filled in from guided help");
    }
}

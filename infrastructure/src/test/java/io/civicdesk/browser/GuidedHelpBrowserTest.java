package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Guided help on a phone: a resident answers a conversation, changes an answer and ends on a filled-in form; an administrator edits one. */
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
        // With the keyboard: from the question, the answers come next in the tab order.
        page.keyboard().press("Tab");
        assertThat(answer("General waste (red lid)")).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#current-heading")).isFocused();
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
        answer("It is off all night").click();
        assertThat(page.locator("#current-heading")).hasText("Here is what we suggest");
        // The browser's Back takes the last answer back too.
        page.goBack();
        assertThat(page.locator("#current-heading")).hasText("What is wrong with the light?");
        assertThat(page.locator("#conversation")).not().containsText("off all night");
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
        // A phone call is already chosen as the way to hear back.
        assertEquals("phone", page.evaluate("JSON.parse(sessionStorage.getItem('civicdesk.report.call-back')).channel"));
        assertAccessible("the call-back form filled in from guided help");
    }

    @Test
    void anAdministratorStartsATopicSeesAMistakeNamedByItsStepAndAStaleSaveShowsTheirs() {
        String topicId = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Guided help")).click();
        assertThat(page.locator("#topics")).containsText("My bin wasn't collected");
        assertAccessible("the guided help page");

        page.getByLabel("Topic id").fill(topicId);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the topic")).click();
        String example = page.getByLabel("The conversation").inputValue();
        page.getByLabel("The conversation").fill(example.replace("\"banksia-hall\"", "\"no-such-hall\""));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the conversation")).click();
        assertThat(page.locator("#error-summary")).containsText("Step first, answer 1: There is no facility no-such-hall");
        assertAccessible("the guided help page with a mistake");

        page.getByLabel("The conversation").fill(example);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the conversation")).click();
        assertThat(page.locator("#announcer")).hasText("The conversation is saved.");
        assertThat(page.locator("#editing-status")).containsText("Version 1");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See it as a resident sees it")))
                .hasAttribute("href", "../guide.html?topic=" + topicId);

        // Someone else saves meanwhile: this save is refused and theirs is shown.
        java.util.Map<String, Object> theirs = new java.util.LinkedHashMap<>(Json.MAPPER.convertValue(
                Json.parseBody(example), Map.class));
        theirs.put("title", "Their title");
        theirs.put("version", 1);
        assertEquals(200, TestStack.api().put("/staff/guides/" + topicId,
                Json.write(theirs), Api.signedInAs("demo-admin")).status());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the conversation")).click();
        assertThat(page.locator("#error-summary")).containsText("Someone saved this conversation");
        assertThat(page.getByLabel("The conversation")).hasValue(Pattern.compile("Their title"));
        assertThat(page.locator("#editing-status")).containsText("Version 2");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take it off the resident pages")).click();
        assertThat(page.locator("#announcer")).hasText("The conversation is off the resident pages.");
        assertThat(page.locator("#topics")).containsText(topicId + " · 1 step · Version 2");
        assertThat(page.locator("#topics")).containsText("Not on the resident pages.");
        assertEquals(404, TestStack.api().get("/guides/" + topicId).status());
    }
}

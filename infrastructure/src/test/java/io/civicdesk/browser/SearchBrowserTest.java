package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.PhoneBrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A resident searches from the home page in their own words, misspelt, on a phone. */
class SearchBrowserTest extends PhoneBrowserTest {

    @Test
    void aMisspeltProblemTypedOnTheHomePageFindsTheServiceAndOpensItsForm() {
        page.navigate(stack.baseUrl() + "/");
        page.getByLabel("What do you need help with?").fill("my rubish bin wasnt colected");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

        assertThat(page.locator("#results-count")).containsText("for “my rubish bin wasnt colected”");
        assertThat(page.locator("#results mark").first()).isVisible();
        assertAccessible("the search results");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Missed bin collection")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("report\\.html\\?service=missed-bin$"));
    }

    @Test
    void aWordTheIndexDoesNotKnowIsOfferedCorrected() {
        page.navigate(stack.baseUrl() + "/search.html?q=grafitti");

        assertThat(page.locator("#suggestion")).containsText("Did you mean");
        assertThat(page.locator("#results")).containsText("Graffiti");
        assertAccessible("a search with a suggestion");
    }

    @Test
    void whileAResidentDescribesTheProblemMatchingHelpIsSuggestedBeforeTheySubmit() {
        page.navigate(stack.baseUrl() + "/");
        page.getByLabel("What do you need help with?").fill("big hole in the road");

        assertThat(page.locator(".suggestions")).containsText("This may answer your question");
        assertThat(page.locator(".suggestions")).containsText("Pothole");
        assertAccessible("the home page with suggestions");

        page.navigate(stack.baseUrl() + "/report.html?service=missed-bin");
        page.getByLabel("Describe the problem (optional)").fill("the street light outside is flickering");

        assertThat(page.locator(".suggestions")).containsText("Street light");
        assertAccessible("the report form with suggestions");
    }
}

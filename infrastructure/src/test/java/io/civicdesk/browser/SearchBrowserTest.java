package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.testing.PhoneBrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A resident searches from the home page in their own words, misspelt, on a phone; staff search and edit synonyms. */
class SearchBrowserTest extends PhoneBrowserTest {

    @Test
    void aResidentTypingAMisspeltProblemSeesItsAnswerSuggestedAndReachesTheResults() {
        page.navigate(stack.baseUrl() + "/");
        page.getByLabel("What do you need help with?").pressSequentially("rubish colection", new com.microsoft.playwright
                .Locator.PressSequentiallyOptions().setDelay(30));

        assertThat(page.locator(".suggestions")).containsText("This may answer your question");
        assertThat(page.locator(".suggestions")).containsText("Missed bin collection");
        // Suggestions never take the focus: the resident goes on typing where they were.
        assertThat(page.getByLabel("What do you need help with?")).isFocused();
        assertThat(page.locator(".suggestions")).hasAttribute("aria-live", "polite");
        assertAccessible("the home page with a misspelt problem's suggestions");

        page.getByLabel("What do you need help with?").press("Enter");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("search\\.html\\?q=rubish\\+colection$"));
        assertThat(page.locator("#results")).containsText("Missed bin collection");
        assertAccessible("the results of a misspelt search");
    }

    @Test
    void onceAReportIsSentEachArticleReadInTheTabIsCountedAsReadAndReportedAllTheSame() {
        page.navigate(stack.baseUrl() + "/report.html?service=missed-bin");
        // The page's scripts are listening once the form is up (they start when the page's words have arrived).
        assertThat(page.locator("#problem-form")).isVisible();
        page.evaluate("sessionStorage.setItem('civicdesk.readArticles', JSON.stringify(['bin-collection-days', 'x<y']))");

        com.microsoft.playwright.Request sent = page.waitForRequest(
                request -> request.url().endsWith("/knowledge/outcomes") && "POST".equals(request.method()),
                () -> page.evaluate("document.dispatchEvent(new CustomEvent('civicdesk:report-sent'))"));

        assertThat(page.locator("body")).isVisible();
        org.junit.jupiter.api.Assertions.assertEquals(
                "{\"event\":\"reported-after-reading\",\"articleId\":\"bin-collection-days\"}", sent.postData());
        org.junit.jupiter.api.Assertions.assertNull(page.evaluate("sessionStorage.getItem('civicdesk.readArticles')"));
    }

    @Test
    void staffSearchTheKnowledgeBaseFromTheirNavigation() {
        signInAs("Sam Nguyen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Knowledge base")).click();
        page.getByLabel("What are you looking for?").fill("grafitti");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();

        assertThat(page.locator("#results")).containsText("Graffiti");
        assertThat(page.locator("#results a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^\\.\\./report\\.html"));
        assertAccessible("the staff knowledge base search");
    }

    @Test
    void anAdministratorSeesAndSavesTheSynonymsAndAMistakeIsNamedByItsLine() {
        signInAs("Chris Walker");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Search synonyms")).click();
        assertThat(page.getByLabel("Groups of words")).hasValue(java.util.regex.Pattern.compile("rubbish, waste, garbage"));
        assertAccessible("the synonyms page");
        String groups = page.getByLabel("Groups of words").inputValue();

        page.getByLabel("Groups of words").fill(groups + "\nverge, <kerb>");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the synonyms")).click();
        assertThat(page.locator("#error-summary")).containsText("Line ");
        assertAccessible("the synonyms page with a mistake");

        page.getByLabel("Groups of words").fill(groups);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the synonyms")).click();
        assertThat(page.locator("#announcer")).containsText("The synonyms are saved.");
    }

    @Test
    void supervisorsSeeTheKnowledgeFiguresOnTheDashboard() {
        signInAs("Jordan Lee");
        page.navigate(stack.baseUrl() + "/staff/dashboard.html");

        // "1 search" or "N searches": how many depends on what the other tests sent to this stack before.
        assertThat(page.locator("#knowledge")).containsText(java.util.regex.Pattern.compile("\\d+ search(es)? by residents found nothing"));
        assertAccessible("the dashboard's knowledge section");
    }

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

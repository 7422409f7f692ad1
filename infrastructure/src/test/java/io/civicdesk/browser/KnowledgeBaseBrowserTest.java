package io.civicdesk.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.platform.Json;
import io.civicdesk.testing.Api;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.Reports;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The knowledge base on a phone: a resident finds and reads help, officers see and write it. */
class KnowledgeBaseBrowserTest extends PhoneBrowserTest {

    @Test
    void aResidentWhoMisspellsFindsTheArticleReadsItAndSaysItHelped() {
        page.navigate(stack.baseUrl() + "/search.html?q=bin+colection+dayz");
        page.locator("#results").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Bin collection days")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bin collection days").setLevel(1))).isVisible();
        assertThat(page).hasTitle("Bin collection days – Help – " + SITE);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Report: Missed bin collection"))).isVisible();
        assertEquals("[\"bin-collection-days\"]", page.evaluate("sessionStorage.getItem('civicdesk.readArticles')"));
        assertAccessible("a help article");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes")).click();
        assertThat(page.locator("#helpful-thanks")).hasText("Thank you for telling us.");
        assertAccessible("a help article, answered");
    }

    @Test
    void anArticleThatIsNotThereSaysSoAndOffersSearch() {
        page.navigate(stack.baseUrl() + "/article.html?id=taking-a-missed-bin-call");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Article not found"))).isVisible();
        assertThat(page.locator("#main-content")).not().containsText("missed bin call");
        assertAccessible("a staff-only article asked for by a resident");
    }

    @Test
    void anOfficerSeesTheServicesGuidanceBesideARequestAndWhileLoggingACall() {
        Api.Reply sent = TestStack.api().post("/requests", Json.write(Reports.missedBin("resident+" + UUID.randomUUID() + "@example.com")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String reference = sent.json().path("displayReference").asText();
        signInAs("Sam Nguyen");

        page.navigate(stack.baseUrl() + "/staff/request.html?ref=" + reference);
        assertThat(page.locator(".guidance")).containsText("Taking a missed bin call");
        assertThat(page.locator(".guidance")).containsText("Waste Services");
        assertAccessible("a request with its guidance");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log a request")).click();
        page.getByLabel("What is it about?").selectOption("pothole");
        assertThat(page.locator(".guidance")).containsText("Taking a call about a dangerous pothole");
        assertThat(page.locator(".guidance")).containsText("Roads and Drainage");
    }

    @Test
    void anOfficerWritesPreviewsPublishesAndResidentsReadIt() {
        String id = "garden-bins-" + UUID.randomUUID().toString().substring(0, 6);
        signInAs("Sam Nguyen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Articles").setExact(true)).click();
        assertThat(page.locator("#articles")).containsText("Bin collection days");
        assertAccessible("the staff list of articles");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a new article")).click();
        page.getByLabel("Article id").fill(id);
        page.getByLabel("Title").fill("Garden bins in winter");
        page.getByLabel("Summary").fill("When the lime green bin is collected in winter.");
        page.getByLabel("Missed bin collection").check();
        page.getByLabel("Review by").fill(TestStack.today().plusMonths(3).toString());
        page.getByLabel("The article").fill("## Winter\n\nEvery **second** week. <script>alert(1)</script>");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator("#preview-body strong")).hasText("second");
        assertThat(page.locator("#preview-body")).containsText("<script>alert(1)</script>");
        assertAccessible("writing an article, previewed");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a draft")).click();
        assertThat(page.locator("#status-line")).containsText("Draft, never published");
        assertThat(page).hasURL(Pattern.compile("article\\.html\\?id=" + id + "$"));
        // Its title in Arabic; the summary and the article left in English are marked so.
        page.getByLabel("Language").selectOption("ar");
        assertThat(page.getByLabel("Title")).hasValue("");
        assertThat(page.getByLabel("Title")).hasAttribute("dir", "rtl");
        page.getByLabel("Title").fill("الصناديق الخضراء في الشتاء");
        assertThat(page.locator("#summary-english")).isVisible();
        assertThat(page.locator("#title-english")).isHidden();
        assertAccessible("translating an article into Arabic");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a draft")).click();
        assertThat(page.locator("#reading-translations")).containsText("Arabic: summary, body still in English");
        page.getByLabel("Language").selectOption("en");
        assertThat(page.getByLabel("Title")).hasValue("Garden bins in winter");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish this version")).click();
        assertThat(page.locator("#status-line")).containsText("Published: version 2.");
        assertAccessible("an article just published");

        page.navigate(stack.baseUrl() + "/article.html?id=" + id);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Garden bins in winter"))).isVisible();
        assertThat(page.locator("#article-english")).isHidden();
        page.navigate(stack.baseUrl() + "/article.html?id=" + id + "&lang=ar");
        assertThat(page.locator("#article-title")).hasText("الصناديق الخضراء في الشتاء");
        assertThat(page.locator("#article-english")).isVisible();
        assertThat(page.locator("#article-summary")).hasAttribute("lang", "en");
        assertAccessible("an article partly translated, read in Arabic");
    }

    @Test
    void aMistakeInAnArticleIsNamedAtItsField() {
        signInAs("Sam Nguyen");
        page.navigate(stack.baseUrl() + "/staff/article.html?new");
        page.getByLabel("Article id").fill("no-title-" + UUID.randomUUID().toString().substring(0, 6));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as a draft")).click();

        assertThat(page.locator("#error-summary")).containsText("The title is needed.");
        assertThat(page.locator("#error-summary a[href='#title']")).isVisible();
        assertAccessible("an article with mistakes");
    }
}

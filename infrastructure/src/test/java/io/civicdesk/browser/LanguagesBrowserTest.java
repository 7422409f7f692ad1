package io.civicdesk.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.local.Mailbox;
import io.civicdesk.testing.DependsOnTheDate;
import io.civicdesk.testing.PhoneBrowserTest;
import io.civicdesk.testing.TestStack;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resident who reads Arabic or Vietnamese: the language picker in the header of every resident page, the page
 * turned right to left for Arabic, the report form and its messages in the chosen language, the choice kept from page
 * to page, the confirmation mail in the same language, and the help articles and search in it. Every page visited
 * passes axe-core's WCAG 2.2 AA rules.
 */
@DependsOnTheDate
class LanguagesBrowserTest extends PhoneBrowserTest {
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");

    private Locator picker() {
        return page.getByLabel(Pattern.compile("^(Language|اللغة|Ngôn ngữ)$"));
    }

    private Locator continueButton(String name) {
        return page.locator("[data-step]:not([hidden])").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name));
    }

    @Test
    void aResidentWhoPicksArabicReportsAProblemRightToLeftInArabicAndIsConfirmedInArabic() {
        String email = "arabic+" + UUID.randomUUID() + "@example.com";
        page.navigate(stack.baseUrl() + "/");
        assertThat(page.locator("html")).hasAttribute("dir", "ltr");
        picker().selectOption("ar");

        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("html")).hasAttribute("lang", "ar");
        assertThat(page.locator("h1")).hasText("مدينة ميلاليوكا");
        assertThat(page).hasTitle("الإبلاغ عن مشكلة أو متابعة طلب – مدينة ميلاليوكا");
        assertThat(page.getByLabel("اللغة")).hasValue("ar");
        assertAccessible("the home page in Arabic");
        // Right to left: the council's name starts at the right of the header.
        double header = page.locator(".header__inner").boundingBox().x + page.locator(".header__inner").boundingBox().width;
        var council = page.locator(".header__link").boundingBox();
        assertTrue(Math.abs(council.x + council.width - header) < 2, "the council's name is at the header's right edge");
        var language = page.locator(".language").boundingBox();
        assertTrue(Math.abs(language.x + language.width - header) < 2, "on a phone the picker starts below it, at the right too");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("الإبلاغ عن مشكلة").setExact(true)).first().click();
        assertThat(page).hasURL(Pattern.compile("/services\\.html$"));
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("صناديق النفايات والمخلفات"))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("صندوق نفايات لم يُفرَّغ")).click();

        assertThat(page).hasTitle("أخبرنا عن المشكلة – صندوق نفايات لم يُفرَّغ – مدينة ميلاليوكا");
        // Continuing with nothing answered: the messages are Arabic, and so is the summary's heading.
        continueButton("متابعة").click();
        assertThat(page.locator("#error-summary")).containsText("هناك مشكلة");
        assertThat(page.locator("#error-summary")).containsText("اختر إجابة عن «أي صندوق لم يُفرَّغ؟»");
        assertAccessible("the first step in Arabic, with its errors");
        page.getByLabel("إعادة التدوير (غطاء أصفر)").check();
        page.getByLabel("في أي يوم كان يجب أن يُفرَّغ؟").fill(TestStack.today().toString());
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("قبل الساعة 6"))).getByLabel("نعم").check();
        continueButton("متابعة").click();

        assertThat(page).hasTitle(Pattern.compile("^أين توجد المشكلة؟"));
        page.getByLabel("العنوان أو المكان").fill("12 Banksia Street, Melaleuca WA 6999");
        continueButton("متابعة").click();

        page.getByLabel("البريد الإلكتروني", new Page.GetByLabelOptions().setExact(true)).first().check();
        page.locator("#contact-email").fill(email);
        assertAccessible("the contact step in Arabic");
        continueButton("متابعة").click();

        assertThat(page).hasTitle(Pattern.compile("^راجع إجاباتك"));
        assertThat(page.locator("#answers")).containsText("إعادة التدوير (غطاء أصفر)");
        assertAccessible("the check your answers page in Arabic");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("أرسل البلاغ")).click();

        assertThat(page).hasTitle(Pattern.compile("^تم استلام الطلب"));
        String reference = page.locator("#reference").textContent().trim();
        assertThat(page.locator("main")).containsText("نسعى إلى الرد بحلول");
        assertAccessible("the confirmation page in Arabic");

        Mailbox.Message mail = io.civicdesk.testing.Mailbox.awaitMailTo(email);
        assertTrue(mail.subject().startsWith("لقد استلمنا بلاغك: صندوق نفايات لم يُفرَّغ"), mail.subject());
        assertTrue(mail.subject().contains(reference), mail.subject());
        assertTrue(mail.text().contains("نتوقع الرد بحلول"), mail.text());
        assertFalse(mail.text().contains("We expect"), "nothing of the mail is left in English: " + mail.text());
        assertTrue(mail.html().contains("dir=\"rtl\""), mail.html());

        // Kept for the next page: tracking it shows its status and its service in Arabic, its dates Arabic's way.
        page.navigate(stack.baseUrl() + "/track.html?ref=" + reference.replace("-", ""));
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        assertThat(page.locator("h1")).hasText("متابعة طلب");
        assertThat(page.locator("#result")).containsText("تم الاستلام");
        assertThat(page.locator("#result")).containsText("صندوق نفايات لم يُفرَّغ");
        assertTrue(ARABIC.matcher(page.locator("#result time").first().textContent()).find(), "the date is written in Arabic");
        assertAccessible("the tracking page in Arabic");
    }

    @Test
    void aLinkWithLangOpensAPageInVietnameseWithItsDatesAndMessagesInVietnamese() {
        page.navigate(stack.baseUrl() + "/report.html?service=missed-bin&lang=vi");
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.locator("html")).hasAttribute("dir", "ltr");
        assertThat(page).hasTitle("Cho chúng tôi biết về sự cố – Thùng rác không được thu gom – Thành phố Melaleuca");
        assertThat(page.getByLabel("Ngôn ngữ")).hasValue("vi");
        assertThat(page.getByLabel("Rác tái chế (nắp vàng)")).isVisible();
        page.getByLabel("Rác tái chế (nắp vàng)").check();
        page.getByLabel("Thùng rác lẽ ra phải được đổ vào ngày nào?").fill(TestStack.today().toString());
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("6 giờ sáng"))).getByLabel("Có").check();
        page.getByLabel("Mô tả sự cố (không bắt buộc)").fill("Thùng tái chế không được đổ.");
        assertThat(page.locator("#description-count")).hasText(Pattern.compile("^Quý vị còn 1\\.9\\d\\d ký tự$"));
        assertAccessible("the first step in Vietnamese");
        continueButton("Tiếp tục").click();
        continueButton("Tiếp tục").click();
        assertThat(page.locator("#error-summary")).containsText("Cho chúng tôi biết sự cố ở đâu");
        assertFalse(ARABIC.matcher(page.locator("main").innerText()).find());

        page.navigate(stack.baseUrl() + "/");
        assertThat(page.locator("h1")).hasText("Thành phố Melaleuca");
        assertEquals("vi", page.evaluate("() => localStorage.getItem('civicdesk.language')"), "the choice is kept");
        assertAccessible("the home page in Vietnamese");
    }

    @Test
    void aResidentReadingArabicSearchesInArabicAndReadsTheArticleRightToLeft() {
        page.navigate(stack.baseUrl() + "/search.html?lang=ar");
        assertThat(page.locator("html")).hasAttribute("dir", "rtl");
        page.locator("#q").fill("مواعيد الحاويات");
        page.locator("#q").press("Enter");
        Locator found = page.locator("#results").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("مواعيد جمع الحاويات"));
        assertThat(found).isVisible();
        assertAccessible("search results in Arabic");
        found.click();

        assertThat(page).hasURL(Pattern.compile("/article\\.html\\?id=bin-collection-days"));
        assertThat(page.locator("#article-title")).hasText("مواعيد جمع الحاويات");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("متى تُجمع حاوياتك"))).isVisible();
        assertThat(page.locator("#article-english")).isHidden();
        assertThat(page.locator("#services-list")).containsText("صندوق نفايات لم يُفرَّغ");
        assertFalse(page.locator("#article-title").getAttribute("lang") != null, "a translated title is in the page's language");
        // Right to left: the article's lists are indented from the right.
        var body = page.locator("#article-body").boundingBox();
        var item = page.locator("#article-body li").first().boundingBox();
        assertTrue(body.x + body.width - (item.x + item.width) > 5, "a list item is indented from the right edge");
        assertAccessible("an article in Arabic");
    }

    @Test
    void anArabicReportTheServerRefusesShowsItsMessageInArabicBesideTheField() {
        page.navigate(stack.baseUrl() + "/report.html?service=missed-bin&lang=ar");
        // The page checks first; a report changed on its way (an old page, another app) meets the server's own check.
        page.route("**/requests", route -> {
            String sent = route.request().postData();
            route.resume(new com.microsoft.playwright.Route.ResumeOptions()
                    .setPostData(sent.replaceFirst("\"email\":\"[^\"]*\"", "\"email\":\"not-an-email\"")));
        });
        page.getByLabel("إعادة التدوير (غطاء أصفر)").check();
        page.getByLabel("في أي يوم كان يجب أن يُفرَّغ؟").fill(TestStack.today().toString());
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(Pattern.compile("قبل الساعة 6"))).getByLabel("نعم").check();
        continueButton("متابعة").click();
        page.getByLabel("العنوان أو المكان").fill("12 Banksia Street, Melaleuca WA 6999");
        continueButton("متابعة").click();
        page.getByLabel("البريد الإلكتروني", new Page.GetByLabelOptions().setExact(true)).first().check();
        page.locator("#contact-email").fill("arabic+" + UUID.randomUUID() + "@example.com");
        continueButton("متابعة").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("أرسل البلاغ")).click();

        assertThat(page.locator("#error-summary")).containsText("أدخل بريدًا إلكترونيًا بالصيغة الصحيحة");
        assertAccessible("the server's refusal in Arabic");
    }
}

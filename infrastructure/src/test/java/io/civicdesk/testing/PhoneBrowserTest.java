package io.civicdesk.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.civicdesk.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser test on a phone against the shared local stack: one Chromium for the test class, a fresh phone
 * (its own cookies and storage) for each test, and axe-core's WCAG 2.2 AA check of any page it visits. The pages
 * run under the portal's Content-Security-Policy: a test fails on anything it blocked.
 */
public abstract class PhoneBrowserTest {
    protected static final String SITE = "City of Melaleuca";

    protected static LocalStack stack;
    private static Browser browser;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void startBrowser() {
        // The stack sets JVM-wide system properties for its handlers, so every test class shares the one stack.
        stack = TestStack.get();
        browser = Browser.launch();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPhone() {
        context = browser.phone();
        page = context.newPage();
    }

    /** Every page ran under the policy a resident's browser gets, and nothing it does was blocked. */
    @AfterEach
    void closePhone() {
        try {
            List<String> violations = browser.takePolicyViolations();
            assertTrue(violations.isEmpty(), () -> "The Content-Security-Policy blocked:\n" + String.join("\n", violations));
        } finally {
            context.close();
        }
    }

    /** A second phone at the same time, e.g. another officer working the same request. */
    protected static BrowserContext anotherPhone() {
        return browser.phone();
    }

    /** Signs in on the local stand-in for the hosted sign-in page as one of the demo staff, from the staff home. */
    protected void signInAs(String name) {
        page.navigate(stack.baseUrl() + "/staff/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        assertAccessible("the sign-in page");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^" + name + "\\b"))).click();
        assertThat(page.locator("#staff-bar")).containsText(name);
    }

    protected void assertAccessible(String where) {
        Browser.assertAccessible(page, where);
    }
}
